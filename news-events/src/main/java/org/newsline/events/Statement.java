package org.newsline.events;

import java.time.Instant;

/**
 * A statement (who said what) on {@code news.statements}, keyed by {@code articleId}, and inside each
 * {@link Article}. {@code start} and {@code end} are offsets into the article's {@code text} in UTF-16 code
 * units (Java {@code String} indices), end exclusive.
 */
public record Statement(
        int schemaVersion,
        String statementId,
        String articleId,
        String url,
        String extractorVersion,
        int index,
        String quote,
        String speaker,
        String speakerCanonical,
        String cue,
        StatementKind kind,
        int start,
        int end,
        Instant publishedAt) implements Event {
}
