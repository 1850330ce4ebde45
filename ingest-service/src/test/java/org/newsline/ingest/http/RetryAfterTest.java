package org.newsline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void delaySeconds() {
        assertThat(RetryAfter.parse(" 30 ", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void imfFixdate() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:02:00 GMT", NOW)).contains(Duration.ofMinutes(2));
    }

    @Test
    void rfc850Date() {
        assertThat(RetryAfter.parse("Wednesday, 25-Nov-26 12:01:00 GMT", NOW)).contains(Duration.ofMinutes(1));
    }

    @Test
    void asctimeDate() {
        assertThat(RetryAfter.parse("Wed Nov 25 12:00:30 2026", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void pastDateIsZeroAndHugeIsCapped() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2020 12:02:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(Duration.ofDays(1));
    }

    @Test
    void junkIsEmpty() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }
}
