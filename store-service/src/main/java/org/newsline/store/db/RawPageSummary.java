package org.newsline.store.db;

import java.time.Instant;

/** An archived page without its body; {@code bodyChars} is the body's length, {@code storedBytes} compressed. */
public record RawPageSummary(String articleId, String url, String finalUrl, String feedId, Instant fetchedAt,
                             int status, String contentType, String charset, int bodyChars, int storedBytes) {
}
