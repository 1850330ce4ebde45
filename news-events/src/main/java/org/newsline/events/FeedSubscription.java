package org.newsline.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A subscription on {@code news.feeds}, keyed by {@code feedId}. A null {@code interval} means adaptive
 * polling; a tombstone (null value) means unsubscribed.
 */
public record FeedSubscription(
        int schemaVersion,
        String feedId,
        String url,
        String title,
        List<String> tags,
        Duration interval,
        boolean paused,
        Instant createdAt,
        Instant updatedAt) implements Event {

    public FeedSubscription {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static FeedSubscription of(String url, String title, List<String> tags, Duration interval, Instant now) {
        return new FeedSubscription(SCHEMA_VERSION, Ids.feedId(url), url, title, tags, interval, false, now, now);
    }
}
