package org.newsline.store.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.newsline.events.FeedSubscription;

/**
 * A change to a subscription: null fields stay as they are. {@code adaptiveInterval} switches to adaptive
 * polling (an interval of null); it cannot be combined with an {@code interval}.
 */
public record FeedPatch(String title, List<String> tags, Duration interval, boolean adaptiveInterval,
                        Boolean paused) {

    public FeedPatch {
        if (interval != null && adaptiveInterval) {
            throw new IllegalArgumentException("interval and adaptiveInterval cannot both be set");
        }
        tags = tags == null ? null : List.copyOf(tags);
    }

    public boolean isEmpty() {
        return title == null && tags == null && interval == null && !adaptiveInterval && paused == null;
    }

    /** The subscription with this change applied, {@code updatedAt} set to {@code now}. */
    public FeedSubscription applyTo(FeedSubscription current, Instant now) {
        return new FeedSubscription(current.schemaVersion(), current.feedId(), current.url(),
                title != null ? title : current.title(),
                tags != null ? tags : current.tags(),
                adaptiveInterval ? null : interval != null ? interval : current.interval(),
                paused != null ? paused : current.paused(),
                current.createdAt(), now);
    }
}
