package org.newsline.extract.article;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The simple baseline of the cascade: every {@code p}, {@code pre} and {@code blockquote} of the page that is
 * long enough and not mostly links, in document order. Crude, but it finds text on pages whose structure the
 * scorer cannot read.
 */
final class BaselineExtractor {

    private BaselineExtractor() {
    }

    static CleanHtmlWriter.Body extract(Element body) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        Elements candidates = body.select("p, pre, blockquote");
        for (Element el : candidates) {
            String text = el.text().strip();
            if (text.length() < ExtractionSettings.BASELINE_MIN_PARAGRAPH_CHARS) {
                continue;
            }
            int linkChars = 0;
            for (Element a : el.getElementsByTag("a")) {
                linkChars += a.text().length();
            }
            if ((double) linkChars / text.length() > ExtractionSettings.GOOD_BLOCK_MAX_LINK_DENSITY) {
                continue;
            }
            paragraphs.add(text);
            html.append("<p>").append(org.jsoup.nodes.Entities.escape(text)).append("</p>\n");
        }
        String text = String.join("\n\n", paragraphs);
        return new CleanHtmlWriter.Body(text, html.toString(), paragraphs.size(), text.length());
    }
}
