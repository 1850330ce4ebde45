package org.newsline.extract.article;

import java.time.Instant;
import java.util.List;

/**
 * What the article extractor found in one HTML page. {@code text} is plain text with paragraphs separated by a
 * blank line; {@code html} a minimal clean HTML of the same content. {@code explanation} says, stage by stage,
 * what decided the result (for {@code newsctl extract --explain}).
 */
public record ExtractedPage(
        boolean isArticle,
        String title,
        List<String> authors,
        Instant publishedAt,
        Instant modifiedAt,
        String language,
        String siteName,
        String description,
        String image,
        String canonicalUrl,
        String section,
        List<String> tags,
        String text,
        String html,
        List<String> explanation) {

    public ExtractedPage {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
        text = text == null ? "" : text;
        html = html == null ? "" : html;
    }
}
