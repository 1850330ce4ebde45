package org.newsline.store.replay;

import java.time.Instant;
import java.util.List;

/**
 * What a replay selects and how fast it may go. Null filters mean "any"; times select {@code [since, until)}
 * of the archive's time (fetch time of raw pages, the article's time of articles and statements, the time of
 * a dead letter). A replay without {@code until} stops at the moment it started, so records arriving during
 * it (live ones) are not replayed.
 *
 * @param feeds      raw pages or articles of these feeds only (empty: all)
 * @param urlPrefix  raw pages whose URL or final URL starts with this
 * @param stage      dead letters of this stage only ({@code extract}, {@code store}, ...)
 * @param toTopic    publish to this topic instead of the kind's own (not for raw pages or dead letters)
 * @param rate       records per second at most (0: no limit)
 * @param maxLag     while the extract stage has more than this many records of {@code news.raw} to read, a
 *                   replay to {@code news.raw} waits (0: never waits); this keeps live pages ahead of replays
 */
public record ReplaySpec(ReplayKind kind, Instant since, Instant until, List<String> feeds, String urlPrefix,
                         String stage, String toTopic, double rate, int maxLag) {

    /** Extract lag a replay to news.raw leaves at most by default: a live page waits behind so many pages. */
    public static final int DEFAULT_MAX_LAG = 30;

    public ReplaySpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: raw, articles, statements or dead-letter");
        }
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
        if (rate < 0 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("rate must be 0 (no limit) or more, was " + rate);
        }
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag must be 0 (never wait) or more, was " + maxLag);
        }
        if (toTopic != null && (kind == ReplayKind.RAW || kind == ReplayKind.DEAD_LETTER)) {
            throw new IllegalArgumentException("toTopic applies to articles and statements only: raw pages go to"
                    + " news.raw to be extracted, dead letters to the topic they came from");
        }
        if (toTopic != null && !toTopic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("toTopic must be a Kafka topic name ([A-Za-z0-9._-], at most 249)");
        }
        if (stage != null && kind != ReplayKind.DEAD_LETTER) {
            throw new IllegalArgumentException("stage applies to dead letters only");
        }
        if (urlPrefix != null && kind != ReplayKind.RAW) {
            throw new IllegalArgumentException("urlPrefix applies to raw pages only");
        }
        if (!feeds.isEmpty() && kind == ReplayKind.DEAD_LETTER) {
            throw new IllegalArgumentException("feeds do not apply to dead letters");
        }
    }

    /** A replay of every record of one kind, without limits. */
    public static ReplaySpec all(ReplayKind kind) {
        return new ReplaySpec(kind, null, null, List.of(), null, null, null, 0, 0);
    }

    public ReplaySpec withUntil(Instant v) {
        return new ReplaySpec(kind, since, v, feeds, urlPrefix, stage, toTopic, rate, maxLag);
    }

    public ReplaySpec withRate(double v) {
        return new ReplaySpec(kind, since, until, feeds, urlPrefix, stage, toTopic, v, maxLag);
    }

    public ReplaySpec withMaxLag(int v) {
        return new ReplaySpec(kind, since, until, feeds, urlPrefix, stage, toTopic, rate, v);
    }
}
