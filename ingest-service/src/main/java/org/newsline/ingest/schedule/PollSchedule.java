package org.newsline.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next. After a success the interval follows how often the feed publishes (half its typical
 * gap between items, stretched while it is quiet), bounded by {@code [minInterval, maxInterval]} and never
 * shorter than the feed's own hint ({@code ttl}, {@code Cache-Control}...). After a failure it backs off
 * exponentially from {@code minInterval}, capped at {@code maxBackoff}, and at least as long as a
 * {@code Retry-After}. Every result carries +-10% jitter (configurable) so that feeds spread out instead of
 * polling in bursts. There is always a next poll: a feed is never dropped. Thread-safe if the random generator is.
 */
public final class PollSchedule {

    /** Bounds and knobs; {@link #defaults()} is 5 minutes to 24 hours, 1 hour for a feed without history. */
    public record Settings(Duration minInterval, Duration maxInterval, Duration initialInterval,
                           Duration maxBackoff, double jitter, int historySize) {

        public Settings {
            Objects.requireNonNull(minInterval, "minInterval");
            Objects.requireNonNull(maxInterval, "maxInterval");
            Objects.requireNonNull(initialInterval, "initialInterval");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0) {
                throw new IllegalArgumentException("need 0 < minInterval <= maxInterval: " + minInterval + ", "
                        + maxInterval);
            }
            if (jitter < 0 || jitter >= 1) {
                throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
            }
            if (historySize < 2) {
                throw new IllegalArgumentException("historySize must be at least 2: " + historySize);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1),
                    Duration.ofHours(24), 0.10, 20);
        }

        public Settings withBounds(Duration min, Duration max) {
            return new Settings(min, max, initialInterval, maxBackoff, jitter, historySize);
        }

        public Settings withJitter(double j) {
            return new Settings(minInterval, maxInterval, initialInterval, maxBackoff, j, historySize);
        }
    }

    /** A new subscription is polled this soon. */
    public static final Duration FIRST_POLL_WITHIN = Duration.ofSeconds(4);

    private final Settings settings;
    private final RandomGenerator random;

    public PollSchedule() {
        this(Settings.defaults(), RandomGenerator.getDefault());
    }

    public PollSchedule(Settings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Settings settings() {
        return settings;
    }

    /** The first poll of a new subscription: within {@link #FIRST_POLL_WITHIN}, spread so that an import does not burst. */
    public Instant firstPoll(Instant now) {
        return now.plusMillis((long) (random.nextDouble() * FIRST_POLL_WITHIN.toMillis()));
    }

    /**
     * The next poll after a successful one.
     *
     * @param recentItemTimes publication (or discovery) times of the feed's recent items, any order; may be empty
     * @param feedHint        the longest of the feed's hints ({@link FeedHints}), or null
     * @param fixedInterval   an interval the user set for this feed, or null for adaptive
     * @param now             the time of the poll
     */
    public Instant nextPollAfterSuccess(List<Instant> recentItemTimes, Duration feedHint, Duration fixedInterval,
                                        Instant now) {
        return now.plus(jittered(intervalAfterSuccess(recentItemTimes, feedHint, fixedInterval, now)));
    }

    /** The interval {@link #nextPollAfterSuccess} uses, before jitter. */
    public Duration intervalAfterSuccess(List<Instant> recentItemTimes, Duration feedHint, Duration fixedInterval,
                                         Instant now) {
        Duration interval = fixedInterval != null && !fixedInterval.isNegative() && !fixedInterval.isZero()
                ? fixedInterval
                : clamp(adaptive(recentItemTimes == null ? List.of() : recentItemTimes, now));
        if (feedHint != null && feedHint.compareTo(interval) > 0) {
            // the publisher asked us not to come back sooner; but never later than the upper bound
            interval = min(feedHint, max(settings.maxInterval(), interval));
        }
        return interval;
    }

    /**
     * The next poll after {@code consecutiveFailures} failures in a row (1 for the first): {@code minInterval}
     * doubled per further failure, capped, and not before {@code retryAfter} (may be null).
     */
    public Instant nextPollAfterFailure(int consecutiveFailures, Duration retryAfter, Instant now) {
        return now.plus(backoff(consecutiveFailures, retryAfter));
    }

    /** The delay {@link #nextPollAfterFailure} uses, jitter included. */
    public Duration backoff(int consecutiveFailures, Duration retryAfter) {
        int n = Math.max(1, consecutiveFailures);
        Duration cap = settings.maxBackoff();
        Duration d = settings.minInterval();
        for (int i = 1; i < n && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        d = jittered(min(d, cap));
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            d = retryAfter;
        }
        return min(d, cap);
    }

    /**
     * Half the median gap between recent items, so a feed that publishes hourly is polled about every 30 minutes;
     * if the feed has been silent for longer than that gap, half the silence, so a dormant feed is polled rarely.
     */
    private Duration adaptive(List<Instant> times, Instant now) {
        List<Instant> sorted = new ArrayList<>();
        for (Instant t : times) {
            if (t != null && !t.isAfter(now)) {     // future dates say nothing about the feed's rhythm
                sorted.add(t);
            }
        }
        sorted.sort(null);
        if (sorted.size() > settings.historySize()) {
            sorted = sorted.subList(sorted.size() - settings.historySize(), sorted.size());
        }
        if (sorted.size() < 2) {
            if (sorted.size() == 1) {
                return max(settings.initialInterval(), Duration.between(sorted.get(0), now).dividedBy(2));
            }
            return settings.initialInterval();
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)));
        }
        gaps.sort(null);
        Duration median = gaps.get(gaps.size() / 2);
        Duration interval = median.dividedBy(2);
        Duration silence = Duration.between(sorted.get(sorted.size() - 1), now);
        if (silence.compareTo(median) > 0) {
            interval = max(interval, silence.dividedBy(2));
        }
        return interval;
    }

    private Duration jittered(Duration d) {
        if (settings.jitter() == 0) {
            return d;
        }
        double factor = 1 + (random.nextDouble() * 2 - 1) * settings.jitter();
        return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * factor)));
    }

    private Duration clamp(Duration d) {
        return max(settings.minInterval(), min(settings.maxInterval(), d));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
