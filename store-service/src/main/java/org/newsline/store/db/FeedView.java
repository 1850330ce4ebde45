package org.newsline.store.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A subscription joined with its polling state. {@code health} is {@code paused}, {@code pending} (never
 * polled), {@code failing} (the last poll failed) or {@code ok}; {@code newItemsLastDay} counts the stored
 * articles of this feed fetched in the last 24 hours.
 */
public record FeedView(String feedId, String url, String title, List<String> tags, Duration interval,
                       boolean paused, Instant createdAt, Instant updatedAt, Instant lastPolledAt,
                       Instant lastSuccessAt, Integer lastStatus, Instant nextPollAt, int consecutiveFailures,
                       String lastError, long newItemsLastDay, String health) {
    public FeedView {
        tags = List.copyOf(tags);
    }

    static String health(boolean paused, Instant lastPolledAt, int consecutiveFailures) {
        if (paused) {
            return "paused";
        }
        if (lastPolledAt == null && consecutiveFailures == 0) {
            return "pending";
        }
        return consecutiveFailures > 0 ? "failing" : "ok";
    }
}
