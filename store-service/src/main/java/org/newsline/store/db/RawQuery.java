package org.newsline.store.db;

import java.time.Instant;

/** Filters of {@link ArticleStore#rawPages}; null means "any". Times select {@code [since, until)} of fetch time. */
public record RawQuery(Instant since, Instant until, String feedId, String urlPrefix, int limit, String cursor) {

    public RawQuery {
        Limits.check(limit);
        Limits.checkRange(since, until);
        if (cursor != null) {
            CursorCodec.decode(CursorCodec.RAW, cursor);
        }
    }

    public static RawQuery newest(int limit) {
        return new RawQuery(null, null, null, null, limit, null);
    }

    public RawQuery withTime(Instant fromInclusive, Instant toExclusive) {
        return new RawQuery(fromInclusive, toExclusive, feedId, urlPrefix, limit, cursor);
    }

    public RawQuery withFeed(String v) {
        return new RawQuery(since, until, v, urlPrefix, limit, cursor);
    }

    public RawQuery withUrlPrefix(String v) {
        return new RawQuery(since, until, feedId, v, limit, cursor);
    }

    public RawQuery withCursor(String v) {
        return new RawQuery(since, until, feedId, urlPrefix, limit, v);
    }
}
