package org.newsline.store.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void timesInEveryDocumentedForm() {
        assertThat(TimeParam.parse("2026-03-01T12:00:00Z", NOW)).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(TimeParam.parse("2026-03-01T13:00:00+01:00", NOW))
                .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(TimeParam.parse("2026-03-01", NOW)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(TimeParam.parse("15m-ago", NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
        assertThat(TimeParam.parse("7d-ago", NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        for (String bad : new String[] {"yesterday", "2026-02-30", "12:00", "15x-ago", "-1d-ago", "2026-03-01T12"}) {
            assertThatThrownBy(() -> TimeParam.parse(bad, NOW)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void intervalsAsUsersWriteThem() {
        assertThat(IntervalParam.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(IntervalParam.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(IntervalParam.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(IntervalParam.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> IntervalParam.parse("30s")).hasMessageContaining("between");
        assertThatThrownBy(() -> IntervalParam.parse("8d")).hasMessageContaining("between");
        assertThatThrownBy(() -> IntervalParam.parse("often")).hasMessageContaining("15m");
    }
}
