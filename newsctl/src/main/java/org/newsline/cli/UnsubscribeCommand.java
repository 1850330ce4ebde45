package org.newsline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newsctl unsubscribe URL|FEED_ID}: stop polling a feed (a tombstone on {@code news.feeds}). */
@Command(name = "unsubscribe", mixinStandardHelpOptions = true,
        description = "Unsubscribe a feed, given by its id (see `newsctl feeds`) or the URL it was subscribed under.")
final class UnsubscribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL|FEED_ID")
    String feed;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        // the id is computed here: a URL with its slashes cannot travel as one path segment
        String feedId = FeedRef.feedId(feed.strip());
        try {
            api.client().delete("/api/feeds/" + feedId);
        } catch (ApiClient.ErrorResponse e) {
            throw FeedRef.notFound(feed.strip(), e);
        }
        System.out.println("unsubscribed " + feed.strip() + (feed.strip().equals(feedId) ? "" : " (feed " + feedId + ")"));
        return 0;
    }
}
