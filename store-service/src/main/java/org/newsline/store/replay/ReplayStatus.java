package org.newsline.store.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A snapshot of one replay job, as {@code GET /api/replays/{id}} shows it. {@code total} is how many items
 * the replay selected (-1 while counting); {@code rate} is items read per second recently.
 */
public record ReplayStatus(String id, ReplaySpec spec, ReplayState state, long total, ReplayCounts counts,
                           double rate, Instant startedAt, Instant updatedAt, String error) {

    /** Seconds left at the recent rate, or -1 when unknown. */
    @JsonProperty("etaSeconds")
    public long etaSeconds() {
        if (total < 0 || rate <= 0 || state.finished()) {
            return -1;
        }
        return (long) Math.ceil(Math.max(0, total - counts.read()) / rate);
    }
}
