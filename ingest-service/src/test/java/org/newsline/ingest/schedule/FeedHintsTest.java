package org.newsline.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedHintsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void ttlAlone() {
        assertThat(FeedHints.of(Duration.ofMinutes(30), Map.of(), NOW)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void cacheControlMaxAge() {
        assertThat(FeedHints.of(null, Map.of("cache-control", "public, max-age=900"), NOW))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void cacheControlNoCacheIsNoHint() {
        assertThat(FeedHints.of(null, Map.of("cache-control", "no-cache, max-age=900"), NOW)).isNull();
    }

    @Test
    void expiresHeader() {
        assertThat(FeedHints.of(null, Map.of("expires", "Wed, 25 Nov 2026 13:00:00 GMT"), NOW))
                .isEqualTo(Duration.ofHours(1));
        assertThat(FeedHints.of(null, Map.of("expires", "0"), NOW)).isNull();
    }

    @Test
    void retryAfterHeader() {
        assertThat(FeedHints.of(null, Map.of("retry-after", "600"), NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void longestHintWinsAndIsCappedAtADay() {
        assertThat(FeedHints.of(Duration.ofMinutes(30), Map.of("cache-control", "max-age=7200"), NOW))
                .isEqualTo(Duration.ofHours(2));
        assertThat(FeedHints.of(Duration.ofDays(9), Map.of(), NOW)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void noHints() {
        assertThat(FeedHints.of(null, null, NOW)).isNull();
    }
}
