package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void readsInstantsOffsetsDatesAndTimesAgo() {
        assertThat(TimeArg.parse("--since", "2026-03-01T12:00:00Z", NOW)).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(TimeArg.parse("--since", "2026-03-01T13:00:00+01:00", NOW)).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(TimeArg.parse("--since", "2026-03-01", NOW)).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(TimeArg.parse("--since", "15m-ago", NOW)).isEqualTo("2026-11-25T11:45:00Z");
        assertThat(TimeArg.parse("--since", "2h-ago", NOW)).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(TimeArg.parse("--since", "7d-ago", NOW)).isEqualTo("2026-11-18T12:00:00Z");
        assertThat(TimeArg.parse("--since", "1w-ago", NOW)).isEqualTo("2026-11-18T12:00:00Z");
        assertThat(TimeArg.parse("--since", null, NOW)).isNull();
    }

    @Test
    void anythingElseNamesTheOptionAndTheFormsAccepted() {
        assertThatThrownBy(() -> TimeArg.parse("--until", "yesterday", NOW))
                .hasMessage("--until: expected " + TimeArg.FORMS + ", got 'yesterday'");
        assertThatThrownBy(() -> TimeArg.parse("--since", "15 m ago", NOW)).hasMessageStartingWith("--since: ");
        assertThatThrownBy(() -> TimeArg.parse("--since", "2026-02-30", NOW)).hasMessageStartingWith("--since: ");
    }
}
