package org.newsline.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractorVersionTest {

    @Test
    void comparesNumericPartsAsNumbers() {
        assertThat(ExtractorVersion.replaces("1.10.0", "1.9.2")).isTrue();
        assertThat(ExtractorVersion.replaces("1.9.2", "1.10.0")).isFalse();
        assertThat(ExtractorVersion.replaces("2.0", "10.0")).isFalse();
        assertThat(ExtractorVersion.replaces("1.2.0", "1.2.0")).isTrue();
        assertThat(ExtractorVersion.replaces("1.02", "1.2")).isTrue(); // leading zeros do not count
        assertThat(ExtractorVersion.replaces("1.2", "1.02")).isTrue();
    }

    @Test
    void ordersAMixedListSensibly() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "1.9.2", "1.9", "1.9.10", "0.1", "1.9.2-b",
                "10.0.0", "2.0.0"));
        versions.sort(ExtractorVersion.ORDER);
        assertThat(versions).containsExactly("0.1", "1.9", "1.9.2", "1.9.2-b", "1.9.10", "1.10.0", "2.0.0",
                "10.0.0");
    }

    @Test
    void nullAndBlankAreOlderThanAnything() {
        assertThat(ExtractorVersion.replaces("0", null)).isTrue();
        assertThat(ExtractorVersion.replaces(null, "0")).isFalse();
        assertThat(ExtractorVersion.replaces(null, null)).isTrue();
        assertThat(ExtractorVersion.replaces("  ", "0.0.1")).isFalse();
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertThat(ExtractorVersion.replaces("1.99999999999999999999", "1.9999999999999999999")).isTrue();
    }
}
