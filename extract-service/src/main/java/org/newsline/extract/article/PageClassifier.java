package org.newsline.extract.article;

import java.util.List;
import java.util.Locale;
import org.newsline.extract.article.metadata.PageMetadata;

/**
 * Decides whether a page is an article, from structure and metadata only: enough body prose (less is needed
 * when the page declares itself an article), and not a paywall stub (declared not free, with little text).
 * Index pages and error pages fail the prose test: their text is short or made of links.
 */
final class PageClassifier {

    private PageClassifier() {
    }

    static boolean isArticle(PageMetadata meta, CleanHtmlWriter.Body body, List<String> explanation) {
        int chars = body.chars();
        if (meta.paywalled() && chars < ExtractionSettings.PAYWALL_STUB_MAX_CHARS) {
            explanation.add(String.format(Locale.ROOT,
                    "isArticle=false: declared not free and only %d chars of body (paywall stub)", chars));
            return false;
        }
        int needed = meta.declaredArticle() ? ExtractionSettings.ARTICLE_WITH_METADATA_MIN_CHARS
                : ExtractionSettings.ARTICLE_MIN_CHARS;
        boolean article = chars >= needed;
        explanation.add("isArticle=" + article + ": " + chars + " chars of body, " + needed + " needed ("
                + (meta.declaredArticle() ? "metadata declares an article" : "no article metadata") + ")");
        return article;
    }
}
