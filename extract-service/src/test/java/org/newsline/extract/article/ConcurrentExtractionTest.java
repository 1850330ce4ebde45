package org.newsline.extract.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsline.extract.eval.BenchData;
import org.newsline.extract.eval.ExtractionEval;

/** One extractor shared by several threads gives each page the same result as a lone thread. */
class ConcurrentExtractionTest {

    @Test
    void sharedExtractorIsThreadSafe() throws Exception {
        List<ExtractionEval.Page> pages = ExtractionEval.loadPages(BenchData.devDir()).subList(0, 12);
        ArticleExtractor extractor = new ArticleExtractor();
        List<String> expected = new ArrayList<>();
        for (ExtractionEval.Page page : pages) {
            expected.add(extractor.extract(page.html(), page.url()).text());
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (ExtractionEval.Page page : pages) {
                    futures.add(pool.submit(() -> extractor.extract(page.html(), page.url()).text()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(expected.get(i % pages.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
