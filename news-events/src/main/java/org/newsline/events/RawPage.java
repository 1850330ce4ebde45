package org.newsline.events;

import java.time.Instant;
import java.util.Map;

/**
 * A fetched page on {@code news.raw}, keyed by {@code articleId}. {@code body} is the decoded text of the
 * response ({@code charset} says how it was decoded); {@code replay} marks pages re-published from the
 * archive, which the store does not archive again.
 */
public record RawPage(
        int schemaVersion,
        String articleId,
        String url,
        String finalUrl,
        String feedId,
        FeedItem item,
        Instant fetchedAt,
        int status,
        Map<String, String> headers,
        String charset,
        String body,
        boolean replay) implements Event {

    public RawPage {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public RawPage asReplay() {
        return new RawPage(schemaVersion, articleId, url, finalUrl, feedId, item, fetchedAt, status, headers,
                charset, body, true);
    }
}
