package org.newsline.extract.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Turns the body a page declares in JSON-LD ({@code articleBody}) into the extractor's output: it may hold
 * markup or entities, and separates paragraphs with line breaks if at all.
 */
final class DeclaredBody {

    /** Ends of blocks in an articleBody that holds markup: each becomes a line break. */
    private static final Pattern BLOCK_END = Pattern.compile("(?i)<(?:/p|br|/div|/h[1-6]|/li|/blockquote)[^>]*>");

    private DeclaredBody() {
    }

    static CleanHtmlWriter.Body toBody(String declared) {
        String plain = declared.indexOf('<') >= 0 || declared.indexOf('&') >= 0
                ? Jsoup.parse(BLOCK_END.matcher(declared).replaceAll("$0\n")).wholeText() : declared;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (String line : plain.split("\\s*\\n\\s*")) {
            String p = line.replaceAll("[\\s\\u00a0]+", " ").strip();
            if (!p.isEmpty()) {
                paragraphs.add(p);
                html.append("<p>").append(Entities.escape(p)).append("</p>\n");
            }
        }
        String text = String.join("\n\n", paragraphs);
        return new CleanHtmlWriter.Body(text, html.toString(), paragraphs.size(), text.length());
    }
}
