package org.newsline.store.db;

import java.time.Instant;
import org.newsline.events.StatementKind;

/**
 * Filters of {@link ArticleStore#statements}; null means "any". {@code speaker} matches whole words of
 * {@code speaker} or {@code speakerCanonical}, case-insensitively ({@code trump} matches "President Trump",
 * not "Trumpet"); {@code text} is full-text over the quote and speaker. Times select {@code [since, until)}
 * of the article's time.
 */
public record StatementQuery(String speaker, String text, Instant since, Instant until, StatementKind kind,
                             int limit, String cursor) {

    public StatementQuery {
        Limits.check(limit);
        Limits.checkRange(since, until);
        if (cursor != null) {
            CursorCodec.decode(CursorCodec.STATEMENTS, cursor);
        }
    }

    public static StatementQuery newest(int limit) {
        return new StatementQuery(null, null, null, null, null, limit, null);
    }

    public StatementQuery withSpeaker(String v) {
        return new StatementQuery(v, text, since, until, kind, limit, cursor);
    }

    public StatementQuery withText(String v) {
        return new StatementQuery(speaker, v, since, until, kind, limit, cursor);
    }

    public StatementQuery withTime(Instant fromInclusive, Instant toExclusive) {
        return new StatementQuery(speaker, text, fromInclusive, toExclusive, kind, limit, cursor);
    }

    public StatementQuery withKind(StatementKind v) {
        return new StatementQuery(speaker, text, since, until, v, limit, cursor);
    }

    public StatementQuery withCursor(String v) {
        return new StatementQuery(speaker, text, since, until, kind, limit, v);
    }
}
