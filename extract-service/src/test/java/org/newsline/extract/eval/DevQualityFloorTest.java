package org.newsline.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.newsline.extract.article.ArticleExtractor;

/**
 * Quality gate: the extractor's F1 on the dev half of the article-extraction benchmark must not fall below the
 * pinned floor. Raise the floors when the extractor improves; never tune for these pages specifically.
 */
class DevQualityFloorTest {

    /** Pinned a little below the figure reached when this floor was last raised. */
    static final double F1_FLOOR = 0.980;
    static final double PRECISION_FLOOR = 0.978;
    static final double RECALL_FLOOR = 0.978;

    @Test
    void devF1StaysAboveTheFloor() {
        ExtractionReport report = ExtractionEval.evaluate(BenchData.devDir(), new ArticleExtractor());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(report.pages()).hasSize(79);
        assertThat(report.f1()).as(printed).isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat(report.precision()).as(printed).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(report.recall()).as(printed).isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(printed).contains("F1=").contains("worst pages by F1:");
    }
}
