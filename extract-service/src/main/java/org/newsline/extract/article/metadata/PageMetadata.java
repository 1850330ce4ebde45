package org.newsline.extract.article.metadata;

import java.time.Instant;
import java.util.List;

/**
 * What a page says about itself. Any field may be null (lists empty) when the page does not say.
 * {@code declaredArticle} is true when JSON-LD, OpenGraph or microdata call the page an article;
 * {@code paywalled} when it declares its content not free; {@code declaredBody} is the JSON-LD
 * {@code articleBody}, the last fallback of the body cascade.
 */
public record PageMetadata(
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
        boolean declaredArticle,
        boolean paywalled,
        String declaredBody) {

    public PageMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
