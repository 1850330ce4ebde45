package org.newsline.extract.article;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the article in an HTML page: its main text, clean HTML and metadata. Thread-safe. */
public final class ArticleExtractor {

    /**
     * Extracts the article from {@code html}, found at {@code url} (used to resolve relative links; may be
     * null). Never throws on malformed input: a page with no article gives {@code isArticle == false}.
     */
    public ExtractedPage extract(String html, String url) {
        Document doc = Jsoup.parse(html == null ? "" : html, url == null ? "" : url);
        List<String> paragraphs = new ArrayList<>();
        for (Element p : doc.select("article p, main p")) {
            String t = p.text().strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        String text = String.join("\n\n", paragraphs);
        return new ExtractedPage(!text.isEmpty(), doc.title(), List.of(), null, null, null, null, null, null,
                null, null, List.of(), text, "", List.of("first version: paragraphs inside article/main"));
    }
}
