package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Odd input never throws, offsets always match the quote, and one extractor serves many threads. */
class RobustnessTest {

    private final StatementExtractor extractor = new StatementExtractor();

    @Test
    void nullAndBlankGiveNothing() {
        assertThat(extractor.extract(null)).isEmpty();
        assertThat(extractor.extract("")).isEmpty();
        assertThat(extractor.extract(" \n\n ")).isEmpty();
    }

    @Test
    void unbalancedAndStrayMarksDoNotThrow() {
        String[] odd = {"“", "”", "\"", "„“”«»‹›「」‘’'", "said said said, according to", "“A,” said",
                "“Unclosed quote that goes on and on, he said", ", said ,", "According to", "He told",
                "“a b c d” “e f g h” “i j k l”", "\u0000\uFFFF\uD800", "..., ...: “…” —"};
        for (String text : odd) {
            List<FoundStatement> found = extractor.extract(text);
            assertThat(found).allSatisfy(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.quote()));
        }
    }

    @Test
    void veryLongTextIsHandled() {
        String paragraph = "“We will keep working on this until it is done,” Jane Doe said. The agency said the"
                + " work would continue.\n\n";
        String text = paragraph.repeat(2000);
        List<FoundStatement> found = extractor.extract(text);
        assertThat(found).hasSizeGreaterThan(2000);
    }

    @Test
    void offsetsMatchQuotesAndStatementsAreInTextOrderOnEveryAnnotatedArticle() throws Exception {
        for (String slice : List.of("dev.jsonl", "holdout.jsonl")) {
            for (String line : Files.readAllLines(AnnotatedArticles.file(slice), StandardCharsets.UTF_8)) {
                String text = new ObjectMapper().readTree(line).path("text").asText();
                List<FoundStatement> found = extractor.extract(text);
                int previous = -1;
                for (FoundStatement s : found) {
                    assertThat(text.substring(s.start(), s.end())).isEqualTo(s.quote());
                    assertThat(s.speaker()).isNotBlank();
                    assertThat(s.speakerCanonical()).isNotBlank();
                    assertThat(s.start()).isGreaterThanOrEqualTo(previous);
                    previous = s.start();
                }
            }
        }
    }

    @Test
    void oneExtractorGivesTheSameResultsOnManyThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(AnnotatedArticles.file("dev.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode article = new ObjectMapper().readTree(line);
            texts.add(article.path("text").asText());
        }
        List<List<FoundStatement>> expected = texts.stream().map(extractor::extract).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<FoundStatement>>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String text : texts) {
                    futures.add(pool.submit(() -> extractor.extract(text)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
