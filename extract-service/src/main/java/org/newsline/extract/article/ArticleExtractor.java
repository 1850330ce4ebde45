package org.newsline.extract.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.newsline.extract.article.metadata.MetadataReader;
import org.newsline.extract.article.metadata.PageMetadata;

/**
 * Finds the article in an HTML page: its main text, clean HTML and metadata. Thread-safe and stateless; one
 * instance can serve every thread.
 *
 * <p>The stages, in order: limit the input, parse, read metadata (before anything is removed), extract the
 * body through a cascade of scorers ({@link BodyExtractor}), decide whether the page is an article
 * ({@link PageClassifier}). Each stage adds a line to {@link ExtractedPage#explanation()}.
 */
public final class ArticleExtractor {

    /** Creates an extractor with the default settings. */
    public ArticleExtractor() {
    }

    /**
     * Extracts the article from {@code html}, found at {@code url} (used to resolve relative links; may be
     * null). Never throws on malformed input: a page with no article gives {@code isArticle == false}.
     */
    public ExtractedPage extract(String html, String url) {
        List<String> explanation = new ArrayList<>();
        try {
            return extractOrThrow(html, url == null ? "" : url, explanation);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours on some input must not stop the stream: report it as a non-article.
            explanation.add("failed: " + e);
            return new ExtractedPage(false, null, List.of(), null, null, null, null, null, null, null, null,
                    List.of(), "", "", explanation);
        }
    }

    private ExtractedPage extractOrThrow(String html, String url, List<String> explanation) {
        String input = HtmlInputLimiter.limit(html);
        if (HtmlInputLimiter.isCut(html, input)) {
            explanation.add(String.format(Locale.ROOT, "input: cut from %d to %d chars (size or tag limit)",
                    html.length(), input.length()));
        }
        Parser parser = Parser.htmlParser().setMaxDepth(ExtractionSettings.MAX_DEPTH);
        Document doc = parser.parseInput(input, url);
        PageMetadata meta = MetadataReader.read(doc, url, explanation);
        CleanHtmlWriter.Body body = BodyExtractor.extract(doc, meta.title(), meta.declaredBody(), explanation);
        boolean isArticle = PageClassifier.isArticle(meta, body, explanation);
        return new ExtractedPage(isArticle, meta.title(), meta.authors(), meta.publishedAt(), meta.modifiedAt(),
                meta.language(), meta.siteName(), meta.description(), meta.image(), meta.canonicalUrl(),
                meta.section(), meta.tags(), body.text(), body.html(), explanation);
    }
}
