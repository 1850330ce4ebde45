package org.newsline.events;

import java.time.Instant;

/** One page to fetch, on {@code news.fetch}, keyed by the page's host. */
public record FetchRequest(
        int schemaVersion,
        String articleId,
        String url,
        String feedId,
        FeedItem item,
        Instant requestedAt) implements Event {

    public static FetchRequest of(String url, String feedId, FeedItem item, Instant now) {
        return new FetchRequest(SCHEMA_VERSION, Ids.articleId(url), url, feedId, item, now);
    }
}
