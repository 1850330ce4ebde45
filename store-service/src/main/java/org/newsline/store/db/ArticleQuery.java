package org.newsline.store.db;

import java.time.Instant;

/**
 * Filters of {@link ArticleStore#articles}; null means "any". {@code text} is full-text (every word must
 * occur), {@code author} matches whole words of an author's name case-insensitively, {@code language}
 * matches a language tag or its subtags ({@code en} matches {@code en-GB}), {@code isArticle} null lists
 * non-article pages too. Times select {@code [since, until)} of the article's time: {@code publishedAt}, else
 * {@code fetchedAt}.
 */
public record ArticleQuery(String text, String feedId, Instant since, Instant until, String language,
                           String author, Boolean isArticle, int limit, String cursor) {

    public ArticleQuery {
        Limits.check(limit);
        Limits.checkRange(since, until);
        if (cursor != null) {
            CursorCodec.decode(CursorCodec.ARTICLES, cursor);
        }
    }

    /** The newest {@code limit} articles (isArticle true), unfiltered. */
    public static ArticleQuery newest(int limit) {
        return new ArticleQuery(null, null, null, null, null, null, true, limit, null);
    }

    public ArticleQuery withText(String v) {
        return new ArticleQuery(v, feedId, since, until, language, author, isArticle, limit, cursor);
    }

    public ArticleQuery withFeed(String v) {
        return new ArticleQuery(text, v, since, until, language, author, isArticle, limit, cursor);
    }

    public ArticleQuery withTime(Instant fromInclusive, Instant toExclusive) {
        return new ArticleQuery(text, feedId, fromInclusive, toExclusive, language, author, isArticle, limit, cursor);
    }

    public ArticleQuery withLanguage(String v) {
        return new ArticleQuery(text, feedId, since, until, v, author, isArticle, limit, cursor);
    }

    public ArticleQuery withAuthor(String v) {
        return new ArticleQuery(text, feedId, since, until, language, v, isArticle, limit, cursor);
    }

    public ArticleQuery withIsArticle(Boolean v) {
        return new ArticleQuery(text, feedId, since, until, language, author, v, limit, cursor);
    }

    public ArticleQuery withCursor(String v) {
        return new ArticleQuery(text, feedId, since, until, language, author, isArticle, limit, v);
    }
}
