package org.newsline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.newsline.events.Article;
import org.newsline.events.FeedItem;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Statement;

/**
 * Fuzzes {@link Extractor#extractExplained}: any page gives an article, never an exception, and the article
 * extractor's own safety net (which turns an exception into an empty non-article) never has to catch one. The
 * article keeps its invariants: counts and hash match the text, statements lie inside the text, quote it at their
 * offsets, are numbered in order and have distinct ids, and a non-article has none. Seeds and findings: test
 * resources, {@code org/newsline/extract/ExtractorFuzzTestInputs}; README, "Fuzzing", says how to fuzz.
 */
class ExtractorFuzzTest {

    private static final String URL = "https://news.example.com/2026/11/25/harbour-bridge.html";
    private static final RawPage PAGE = new RawPage(1, Ids.articleId(URL), URL, URL, Ids.feedId("https://news.example.com/feed"),
            new FeedItem("Feed title", URL, "guid-1", Instant.parse("2026-11-25T08:00:00Z"), "Feed Author", "Summary"),
            Instant.parse("2026-11-25T09:00:00Z"), 200, Map.of("content-type", "text/html"), "UTF-8", "", false);

    private final Extractor extractor = new Extractor();

    @DictionaryEntries({"<html>", "<head>", "<body>", "<article>", "<p>", "</p>", "<div class=\"", "<h1>", "<br>",
            "<script type=\"application/ld+json\">", "\"@type\":\"NewsArticle\"", "\"author\":", "\"datePublished\":\"",
            "<meta property=\"og:", "<meta name=\"author\" content=\"", "<link rel=\"canonical\" href=\"",
            "<time datetime=\"", "itemprop=\"", "<nav>", "<aside>", "<template>", "<![CDATA[", "“", "”", " said "})
    @FuzzTest(maxDuration = "30s")
    void extractsWithinInvariants(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);
        RawPage page = new RawPage(PAGE.schemaVersion(), PAGE.articleId(), PAGE.url(), PAGE.finalUrl(), PAGE.feedId(),
                PAGE.item(), PAGE.fetchedAt(), PAGE.status(), PAGE.headers(), PAGE.charset(), html, false);

        Extractor.Explained explained = extractor.extractExplained(page);

        assertThat(explained.explanation()).noneMatch(line -> line.startsWith("failed:"));
        Article a = explained.article();
        String text = a.text();
        assertThat(text).isNotNull();
        assertThat(a.html()).isNotNull();
        assertThat(a.articleId()).isEqualTo(page.articleId());
        assertThat(a.wordCount()).isEqualTo(Extractor.wordCount(text));
        assertThat(a.contentHash()).isEqualTo(Ids.contentHash(text));
        assertThat(a.statementCount()).isEqualTo(a.statements().size());
        if (!a.isArticle()) {
            assertThat(a.statements()).isEmpty();
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < a.statements().size(); i++) {
            Statement s = a.statements().get(i);
            assertThat(s.index()).isEqualTo(i);
            assertThat(s.start()).as("start of %s", s).isBetween(0, s.end() - 1);
            assertThat(s.end()).as("end of %s", s).isLessThanOrEqualTo(text.length());
            assertThat(s.quote()).isEqualTo(text.substring(s.start(), s.end()));
            assertThat(s.articleId()).isEqualTo(a.articleId());
            assertThat(ids.add(s.statementId())).as("doubled statement %s", s).isTrue();
        }
    }
}
