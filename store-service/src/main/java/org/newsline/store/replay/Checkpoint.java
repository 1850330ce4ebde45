package org.newsline.store.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.newsline.events.EventCodec;

/** What a committed chunk leaves behind: where the replay goes on, and the counts up to there. */
record Checkpoint(Position position, ReplayCounts counts) {

    static final Checkpoint START = new Checkpoint(Position.START, ReplayCounts.ZERO);

    String toJson() {
        return EventCodec.encodeToString(this);
    }

    static Checkpoint fromJson(String json) {
        try {
            return EventCodec.mapper().readValue(json, Checkpoint.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable replay checkpoint: " + e.getOriginalMessage(), e);
        }
    }
}
