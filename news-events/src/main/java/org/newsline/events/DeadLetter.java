package org.newsline.events;

import java.time.Instant;

/**
 * A record a stage could not process, on {@code news.dead-letter}, keyed by the original key. The payload is
 * truncated to keep dead letters small; {@code payloadBytes} is the original size.
 */
public record DeadLetter(
        int schemaVersion,
        String stage,
        String error,
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String payload,
        int payloadBytes,
        Instant at) implements Event {

    /** How much of the original payload a dead letter keeps. */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;
}
