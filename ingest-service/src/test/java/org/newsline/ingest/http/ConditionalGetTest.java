package org.newsline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionalGetTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final ConditionalGet conditional = new ConditionalGet();

    @Test
    void storedValidatorsAreSentBetweenUnconditionalFetches() {
        assertThat(conditional.validatorsFor("\"e\"", "Tue, 24 Nov 2026 10:00:00 GMT", NOW.minus(Duration.ofHours(11)), NOW))
                .isEqualTo(new Validators("\"e\"", "Tue, 24 Nov 2026 10:00:00 GMT"));
    }

    @Test
    void unconditionalFetchAtLeastEveryTwelveHours() {
        assertThat(conditional.validatorsFor("\"e\"", null, NOW.minus(Duration.ofHours(12)), NOW)).isEqualTo(Validators.NONE);
        assertThat(conditional.validatorsFor("\"e\"", null, null, NOW)).isEqualTo(Validators.NONE);
    }

    @Test
    void nothingStoredMeansUnconditional() {
        assertThat(conditional.validatorsFor(null, " ", NOW, NOW)).isEqualTo(Validators.NONE);
    }
}
