package org.newsline.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final PollSchedule exact = new PollSchedule(PollSchedule.Settings.defaults().withJitter(0), new Random(1));

    @Test
    void feedPublishingHourlyIsPolledEveryHalfHour() {
        Duration interval = exact.intervalAfterSuccess(every(Duration.ofHours(1), 10, NOW.minusSeconds(600)), null, null, NOW);

        assertThat(interval).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void busyFeedIsPolledAtTheMinimumInterval() {
        Duration interval = exact.intervalAfterSuccess(every(Duration.ofMinutes(1), 20, NOW), null, null, NOW);

        assertThat(interval).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void dormantFeedIsPolledAtMostDaily() {
        Duration interval = exact.intervalAfterSuccess(every(Duration.ofDays(30), 5, NOW.minus(Duration.ofDays(100))),
                null, null, NOW);

        assertThat(interval).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void feedSilentForLongerThanUsualIsPolledLessOften() {
        List<Instant> hourlyUntilTwoDaysAgo = every(Duration.ofHours(1), 10, NOW.minus(Duration.ofHours(20)));

        Duration interval = exact.intervalAfterSuccess(hourlyUntilTwoDaysAgo, null, null, NOW);

        assertThat(interval).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void feedWithoutHistoryGetsTheInitialInterval() {
        assertThat(exact.intervalAfterSuccess(List.of(), null, null, NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void futureItemDatesAreIgnored() {
        List<Instant> times = new ArrayList<>(every(Duration.ofHours(2), 10, NOW));
        times.add(NOW.plus(Duration.ofDays(300)));

        assertThat(exact.intervalAfterSuccess(times, null, null, NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void feedHintFloorsTheInterval() {
        Duration interval = exact.intervalAfterSuccess(every(Duration.ofMinutes(1), 20, NOW), Duration.ofMinutes(45),
                null, NOW);

        assertThat(interval).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void feedHintBeyondTheMaximumIsCappedAtTheMaximum() {
        assertThat(exact.intervalAfterSuccess(List.of(), Duration.ofDays(7), null, NOW)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void fixedIntervalWinsOverAdaptive() {
        Duration interval = exact.intervalAfterSuccess(every(Duration.ofMinutes(1), 20, NOW), null,
                Duration.ofMinutes(15), NOW);

        assertThat(interval).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void boundsAreConfigurable() {
        PollSchedule custom = new PollSchedule(PollSchedule.Settings.defaults().withJitter(0)
                .withBounds(Duration.ofMinutes(1), Duration.ofHours(2)), new Random(1));

        assertThat(custom.intervalAfterSuccess(every(Duration.ofSeconds(10), 20, NOW), null, null, NOW))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(custom.intervalAfterSuccess(List.of(), Duration.ofDays(1), null, NOW)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void jitterSpreadsPollsWithinTenPercent() {
        PollSchedule jittered = new PollSchedule(PollSchedule.Settings.defaults(), new Random(42));
        Set<Instant> distinct = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Instant next = jittered.nextPollAfterSuccess(List.of(), null, Duration.ofMinutes(60), NOW);
            assertThat(Duration.between(NOW, next)).isBetween(Duration.ofMinutes(54), Duration.ofMinutes(66));
            distinct.add(next);
        }
        assertThat(distinct).hasSizeGreaterThan(900);
    }

    @Test
    void newSubscriptionIsPolledWithinFiveSecondsSpreadOut() {
        PollSchedule jittered = new PollSchedule(PollSchedule.Settings.defaults(), new Random(5));
        Set<Instant> distinct = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant first = jittered.firstPoll(NOW);
            assertThat(first).isBetween(NOW, NOW.plusSeconds(5));
            distinct.add(first);
        }
        assertThat(distinct).hasSizeGreaterThan(150);
    }

    @Test
    void failuresBackOffExponentially() {
        assertThat(exact.backoff(1, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(exact.backoff(2, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(exact.backoff(3, null)).isEqualTo(Duration.ofMinutes(20));
        assertThat(exact.backoff(5, null)).isEqualTo(Duration.ofMinutes(80));
    }

    @Test
    void backoffIsCappedAtADayAndAFeedIsNeverDropped() {
        PollSchedule jittered = new PollSchedule(PollSchedule.Settings.defaults(), new Random(7));
        for (int failures : new int[] {10, 30, 1_000, Integer.MAX_VALUE}) {
            Instant next = jittered.nextPollAfterFailure(failures, null, NOW);
            assertThat(next).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(Duration.ofHours(24)));
        }
    }

    @Test
    void retryAfterIsHonouredOnFailure() {
        assertThat(exact.backoff(1, Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
        assertThat(exact.backoff(1, Duration.ofDays(3))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void backoffHasJitter() {
        PollSchedule jittered = new PollSchedule(PollSchedule.Settings.defaults(), new Random(3));
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Duration d = jittered.backoff(3, null);
            assertThat(d).isBetween(Duration.ofMinutes(18), Duration.ofMinutes(22));
            seen.add(d);
        }
        assertThat(seen).hasSizeGreaterThan(50);
    }

    private static List<Instant> every(Duration gap, int n, Instant last) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(last.minus(gap.multipliedBy(i)));
        }
        return times;
    }
}
