package org.newsline.ingest.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which validators a feed poll sends: the stored {@code ETag} and {@code Last-Modified}, except that at least every
 * {@link #DEFAULT_UNCONDITIONAL_EVERY} the poll goes out without them, because some servers answer 304 when the
 * feed did change.
 */
public final class ConditionalGet {

    public static final Duration DEFAULT_UNCONDITIONAL_EVERY = Duration.ofHours(12);

    private final Duration unconditionalEvery;

    public ConditionalGet() {
        this(DEFAULT_UNCONDITIONAL_EVERY);
    }

    public ConditionalGet(Duration unconditionalEvery) {
        this.unconditionalEvery = Objects.requireNonNull(unconditionalEvery, "unconditionalEvery");
    }

    /**
     * The validators for the next poll.
     *
     * @param lastUnconditionalAt when the feed was last fetched without validators, or null if never
     * @return {@link Validators#NONE} when an unconditional fetch is due (or nothing is stored), else the stored ones
     */
    public Validators validatorsFor(String etag, String lastModified, Instant lastUnconditionalAt, Instant now) {
        Validators stored = new Validators(etag, lastModified);
        if (stored.isEmpty() || lastUnconditionalAt == null
                || !lastUnconditionalAt.plus(unconditionalEvery).isAfter(now)) {
            return Validators.NONE;
        }
        return stored;
    }
}
