package org.newsline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An extracted article on {@code news.articles}, keyed by {@code articleId}: the whole truth about one
 * fetched page, its statements included. A page that is not an article has {@code isArticle == false}.
 */
public record Article(
        int schemaVersion,
        String articleId,
        String url,
        String canonicalUrl,
        String feedId,
        Instant fetchedAt,
        Instant extractedAt,
        String extractorVersion,
        @JsonProperty("isArticle") boolean isArticle,
        String title,
        List<String> authors,
        Instant publishedAt,
        Instant modifiedAt,
        String language,
        String siteName,
        String description,
        String image,
        String section,
        List<String> tags,
        String text,
        String html,
        int wordCount,
        String contentHash,
        int statementCount,
        List<Statement> statements) implements Event {

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
