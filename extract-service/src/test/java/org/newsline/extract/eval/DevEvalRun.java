package org.newsline.extract.eval;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsline.extract.article.ArticleExtractor;

/** Prints the dev report; run on demand while tuning ({@code -Dtest=DevEvalRun}). */
@Tag("manual")
class DevEvalRun {

    @Test
    void printDevReport() {
        ExtractionEval.evaluate(BenchData.devDir(), new ArticleExtractor()).print(System.out);
    }
}
