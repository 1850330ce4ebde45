package org.newsline.store.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.newsline.events.Article;
import org.newsline.events.DeadLetter;
import org.newsline.events.FeedState;
import org.newsline.events.RawPage;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Statement;

/**
 * The archive: articles with their statements, raw pages, feeds and their state, dead letters. Two
 * implementations, SQLite (the embedded default) and PostgreSQL, chosen by the JDBC URL given to {@link #open}.
 *
 * <p>Every write takes a batch and is idempotent: writing the same batch again (a redelivery after a crash)
 * changes nothing. A caller that consumes topics commits its offsets only after the write returned; if it
 * throws, or the process dies, part of the batch may be stored and the redelivery completes it. Reads list
 * newest first with an opaque cursor ({@link Page#nextCursor()}).
 *
 * <p>Implementations are thread-safe. Failures of the database surface as {@link StoreException}.
 */
public interface ArticleStore extends AutoCloseable {

    /**
     * Opens the store at {@code jdbcUrl} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}), migrating
     * its schema to the newest version first.
     *
     * @throws IllegalArgumentException if the URL is of neither kind, or is an in-memory SQLite database
     * @throws StoreException           if the database cannot be reached or migrated
     */
    static ArticleStore open(String jdbcUrl) {
        return StoreFactory.open(jdbcUrl, null, null);
    }

    /** As {@link #open(String)}, with credentials (null or empty: none, or those in the URL). */
    static ArticleStore open(String jdbcUrl, String user, String password) {
        return StoreFactory.open(jdbcUrl, user, password);
    }

    /**
     * Stores articles, each with all its statements in one transaction (SQLite writes the whole batch in one;
     * PostgreSQL splits large batches over two connections, by article). An article whose
     * {@code extractorVersion} is the same as or newer than the stored one ({@link ExtractorVersion} order)
     * replaces the stored article and all its statements at once; an older one is ignored, and so is an
     * article that was taken down ({@link #deleteArticle}).
     */
    void putArticles(List<Article> articles);

    /**
     * Archives fetched pages (body compressed, {@link BodyCompression}); a page fetched later replaces an earlier
     * fetch of the same article. Pages with {@code replay == true} came from this archive and are not archived
     * again. The bodies are taken as UTF-8 bytes, as they come off the topic, never as Strings.
     */
    void archiveRawPages(List<RawPageUtf8> pages);

    /** {@link #archiveRawPages} for pages with their bodies as Strings. */
    default void putRawPages(List<RawPage> pages) {
        archiveRawPages(pages.stream().map(RawPageUtf8::of).toList());
    }

    /** Applies subscription changes in order; a {@link FeedChange#isTombstone() tombstone} removes the feed. */
    void putFeeds(List<FeedChange> changes);

    /** Stores the latest polling state of feeds (last one wins). */
    void putFeedStates(List<FeedState> states);

    /** Keeps dead letters, each once however often it is delivered. */
    void putDeadLetters(List<DeadLetter> letters);

    /**
     * Takes an article down: removes it, its statements and its raw page, and remembers the id so that a
     * redelivered or replayed record does not bring it back.
     *
     * @return false if nothing was stored under that id
     */
    boolean deleteArticle(String articleId);

    /**
     * Deletes raw pages fetched before {@code cutoff} (the archive's retention).
     *
     * @return how many were deleted
     */
    int deleteRawPagesFetchedBefore(Instant cutoff);

    /** Articles newest first. Items leave out {@code html} and {@code statements}; every other field is set. */
    Page<Article> articles(ArticleQuery query);

    /** One article with its statements. */
    Optional<Article> article(String articleId);

    /** Statements newest first, in text order within one article. */
    Page<Statement> statements(StatementQuery query);

    /**
     * The most-quoted speakers in {@code [since, until)} (either may be null), one entry per person
     * ({@link SpeakerCount#key()}), most statements first.
     */
    List<SpeakerCount> speakers(Instant since, Instant until, int limit);

    /** Every subscription with its polling state and health, by URL. */
    List<FeedView> feeds();

    /** Exact counts, read in one consistent snapshot. */
    Stats stats();

    /** Raw pages newest fetch first, without their bodies. */
    Page<RawPageSummary> rawPages(RawQuery query);

    /** One archived page with its body decompressed ({@code replay} is false). */
    default Optional<RawPage> rawPage(String articleId) {
        return rawPages(List.of(articleId)).stream().findFirst();
    }

    /**
     * The archived pages of {@code articleIds} with their bodies as UTF-8 bytes, in one query (replays read a
     * page of the listing at once and publish the bytes as they are); ids not archived are left out, the order
     * is not kept.
     */
    List<RawPageUtf8> rawPagesUtf8(List<String> articleIds);

    /** {@link #rawPagesUtf8} with the bodies as Strings. */
    default List<RawPage> rawPages(List<String> articleIds) {
        return rawPagesUtf8(articleIds).stream().map(RawPageUtf8::toRawPage).toList();
    }

    /** The newest dead letters at or after {@code since} (null: any time). */
    List<DeadLetter> deadLetters(Instant since, int limit);

    /**
     * Dead letters of one {@code stage} (null: every stage) at or after {@code since} (null: any time), newest
     * first, a page at a time: the listing replays of dead letters walk with {@link Page#nextCursor()}.
     */
    Page<DeadLetter> deadLetters(String stage, Instant since, int limit, String cursor);

    /** Closes the connection pools. */
    @Override
    void close();
}
