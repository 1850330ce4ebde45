package org.newsline.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleMetricTest {

    @Test
    void tokensAreRunsOfWordCharactersWithCaseKept() {
        assertThat(ShingleMetric.tokenize("Hello, World! it's 3.5% _x_ naïve Привет 東京"))
                .containsExactly("Hello", "World", "it", "s", "3", "5", "_x_", "naïve", "Привет", "東京");
    }

    @Test
    void combiningMarksSplitTokensLikePythonsWordClass() {
        // "e" + COMBINING ACUTE ACCENT: Python's \w does not match the mark
        assertThat(ShingleMetric.tokenize("cafe\u0301 ok")).containsExactly("cafe", "ok");
    }

    @Test
    void identicalTextsScorePerfectly() {
        ShingleMetric.Counts c = ShingleMetric.compare("one two three four five", "one two three four five");
        assertThat(c.precision()).isEqualTo(1.0);
        assertThat(c.recall()).isEqualTo(1.0);
        assertThat(ShingleMetric.sameTokens("one, two", "one two")).isTrue();
    }

    @Test
    void extraAndMissingShinglesAreCountedAsMultisets() {
        // truth: a b c d e -> shingles abcd, bcde; prediction: a b c d x -> abcd, bcdx
        ShingleMetric.Counts c = ShingleMetric.compare("a b c d e", "a b c d x");
        assertThat(c.tp()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.fp()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.fn()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(c.recall()).isCloseTo(0.5, within(1e-12));

        // a repeated shingle matches only as often as it occurs in the truth
        ShingleMetric.Counts twice = ShingleMetric.compare("a b c d", "a b c d a b c d");
        // prediction shingles: abcd, bcda, cdab, dabc, abcd -> tp 1, fp 4, fn 0
        assertThat(twice.precision()).isCloseTo(0.2, within(1e-12));
        assertThat(twice.recall()).isEqualTo(1.0);
    }

    @Test
    void shortTextsGiveOneShortShingleAndEmptyTextsNone() {
        assertThat(ShingleMetric.compare("just two", "just two").precision()).isEqualTo(1.0);
        assertThat(ShingleMetric.compare("just two", "just three").recall()).isEqualTo(0.0);
        ShingleMetric.Counts empty = ShingleMetric.compare("some truth here now", "");
        assertThat(empty.hasPrediction()).isFalse();
        assertThat(empty.recall()).isEqualTo(0.0);
    }

    @Test
    void corpusFiguresAreMeansOfPageFiguresAndF1OfTheMeans() {
        PageScore perfect = new PageScore("a", ShingleMetric.compare("a b c d e", "a b c d e"), true);
        PageScore half = new PageScore("b", ShingleMetric.compare("a b c d e", "a b c d x"), false);
        PageScore empty = new PageScore("c", ShingleMetric.compare("a b c d e", ""), false);

        ExtractionReport report = new ExtractionReport(List.of(perfect, half, empty));

        // precision skips the page with no prediction: (1 + 0.5) / 2; recall counts it: (1 + 0.5 + 0) / 3
        assertThat(report.precision()).isCloseTo(0.75, within(1e-12));
        assertThat(report.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(report.f1()).isCloseTo(2 * 0.75 * 0.5 / 1.25, within(1e-12));
        assertThat(report.accuracy()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(report.worst(2)).extracting(PageScore::id).containsExactly("c", "b");
    }
}
