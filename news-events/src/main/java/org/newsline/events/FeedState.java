package org.newsline.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The polling state of one feed on {@code news.feed-state}, keyed by {@code feedId}: validators for
 * conditional GET, when it was and will be polled, which items it has already produced, and its health.
 */
public record FeedState(
        int schemaVersion,
        String feedId,
        String url,
        String title,
        String etag,
        String lastModified,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant lastUnconditionalAt,
        Instant nextPollAt,
        Duration currentInterval,
        List<String> recentItemIds,
        List<FetchRequest> pendingItems,
        List<Instant> recentNewItemTimes,
        int consecutiveFailures,
        Integer lastStatus,
        String lastError,
        List<String> defects) implements Event {

    public FeedState {
        recentItemIds = recentItemIds == null ? List.of() : List.copyOf(recentItemIds);
        pendingItems = pendingItems == null ? List.of() : List.copyOf(pendingItems);
        recentNewItemTimes = recentNewItemTimes == null ? List.of() : List.copyOf(recentNewItemTimes);
        defects = defects == null ? List.of() : List.copyOf(defects);
    }

    /** The state of a feed that has never been polled. */
    public static FeedState initial(String feedId, String url) {
        return new FeedState(SCHEMA_VERSION, feedId, url, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), 0, null, null, List.of());
    }
}
