package org.newsline.store.api;

import java.time.Duration;
import java.util.List;
import org.newsline.events.FeedSubscription;

/**
 * Changes subscriptions on behalf of the HTTP API. The store service implements it by checking the feed with
 * ingest's fetch policy and writing {@code news.feeds}; the store's tables follow from that topic, so a
 * change shows in {@code GET /api/feeds} once it has been consumed.
 */
public interface FeedSubscriptions {

    /**
     * Subscribes the feed at {@code url} (or updates the tags and interval of an existing subscription).
     *
     * @param tags     labels for the feed, possibly empty
     * @param interval polling interval, or null for adaptive polling
     * @return the subscription as written to {@code news.feeds}
     * @throws FeedRejectedException if the URL is malformed, not allowed by the fetch policy, unreachable, or
     *                               not an RSS/Atom feed
     */
    FeedSubscription subscribe(String url, List<String> tags, Duration interval);

    /**
     * Changes a subscription.
     *
     * @return the subscription after the change
     * @throws UnknownFeedException if no feed is subscribed under {@code feedId}
     */
    FeedSubscription update(String feedId, FeedPatch patch);

    /**
     * Unsubscribes a feed, given by its id or its URL (writes a tombstone to {@code news.feeds}).
     *
     * @return false if no such feed was subscribed
     */
    boolean unsubscribe(String feedIdOrUrl);
}
