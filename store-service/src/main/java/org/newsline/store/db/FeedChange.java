package org.newsline.store.db;

import java.util.Objects;
import org.newsline.events.FeedSubscription;

/** One record of {@code news.feeds}: a subscription, or a tombstone ({@code subscription == null}). */
public record FeedChange(String feedId, FeedSubscription subscription) {
    public FeedChange {
        Objects.requireNonNull(feedId, "feedId");
    }

    public static FeedChange of(FeedSubscription subscription) {
        return new FeedChange(subscription.feedId(), subscription);
    }

    public static FeedChange tombstone(String feedId) {
        return new FeedChange(feedId, null);
    }

    public boolean isTombstone() {
        return subscription == null;
    }
}
