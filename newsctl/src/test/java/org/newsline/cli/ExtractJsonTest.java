package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsline.events.Article;
import org.newsline.events.Event;
import org.newsline.events.EventCodec;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.extract.Extractor;

/**
 * {@code newsctl extract} writes its lines by hand for speed; they must stay exactly what the event codec writes
 * for the same fields, so a field added to the contract (an article's or a statement's) cannot go missing here.
 */
class ExtractJsonTest {

    private static final String URL = "https://news.example/2026/bridge";

    /** A file name with what the page's text loses to normalisation: a tab, a control character, U+2028. */
    private static final String FILE = "pages/bridge \"1\"\t\u0001\u2028\\.html";

    /** Quotes, backslashes, non-ASCII and an astral character in the text and the statements. */
    private static final String PAGE = "<html lang=\"en\"><head><title>Bridge \"closes\" \\ for repairs</title>"
            + "<meta name=\"author\" content=\"Ana Ruiz\"><meta property=\"article:published_time\""
            + " content=\"2026-03-04T05:06:07Z\"></head><body><article><h1>Bridge closes</h1>"
            + "<p>The council voted on Tuesday to close the harbour bridge for repairs that engineers say are long"
            + " overdue, after a survey found corrosion in two of its main girders \u2028 and tabs\there.</p>"
            + "<p>\"We cannot keep the bridge open while its girders are failing,\" said Mar\u00eda L\u00f3pez, the"
            + " council's chief engineer \ud83c\udf09. The closure will last at least six months, and ferries will"
            + " run every twenty minutes in the meantime.</p><p>\u201cIt is a hard choice for the town,\u201d the"
            + " mayor, Tom Baker, told reporters \u0001 on Wednesday. Shop owners near the bridge said they feared"
            + " for their trade during the works.</p></article></body></html>";

    @Test
    void linesAreWhatTheEventCodecWritesForTheSameFields() {
        RawPage page = new RawPage(Event.SCHEMA_VERSION, Ids.articleId(URL), URL, URL, null, null, null, 200,
                Map.of(), "UTF-8", PAGE, false);
        Extractor.Explained explained = new Extractor().extractExplained(page);
        Article article = explained.article();
        assertThat(article.statements()).as("the page's statements").hasSizeGreaterThanOrEqualTo(2);

        for (List<String> explanation : java.util.Arrays.asList(null, explained.explanation())) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("file", FILE);
            fields.put("url", URL);
            fields.put("title", article.title());
            fields.put("authors", article.authors());
            fields.put("publishedAt", article.publishedAt());
            fields.put("language", article.language());
            fields.put("isArticle", article.isArticle());
            fields.put("text", article.text());
            fields.put("html", article.html());
            fields.put("statements", article.statements());
            if (explanation != null) {
                fields.put("explanation", explanation);
            }
            assertThat(ExtractJson.line(FILE, URL, article, explanation))
                    .isEqualTo(EventCodec.encodeToString(fields));
        }
    }
}
