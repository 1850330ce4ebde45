package org.newsline.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.newsline.events.Article;
import org.newsline.events.DeadLetter;
import org.newsline.events.FeedState;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Statement;
import org.newsline.store.db.ArticleQuery;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.FeedChange;
import org.newsline.store.db.FeedView;
import org.newsline.store.db.Page;
import org.newsline.store.db.RawPageSummary;
import org.newsline.store.db.RawQuery;
import org.newsline.store.db.SpeakerCount;
import org.newsline.store.db.StatementQuery;
import org.newsline.store.db.Stats;

/**
 * The real store, with a stopwatch: when {@link #putArticles} returns, the batch is committed in the database,
 * so that moment minus an article's {@code fetchedAt} (stamped by the fetcher just before it publishes the raw
 * page) is the article's latency from raw-published to store-committed. Both clocks are this JVM's. Counts
 * each article and statement once, however often a batch is redelivered.
 */
final class CommitTimingStore implements ArticleStore {

    private final ArticleStore delegate;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong articles = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong rawPages = new AtomicLong();
    private final LatencyRecorder latency;
    /** {nanoTime, articles stored, statements stored} after each batch that stored a new article. */
    private final List<long[]> timeline = new ArrayList<>();

    CommitTimingStore(ArticleStore delegate, LatencyRecorder latency) {
        this.delegate = delegate;
        this.latency = latency;
    }

    /** Counts from zero again (after a warm-up); articles seen before stay seen. */
    void reset() {
        synchronized (timeline) {
            timeline.clear();
            articles.set(0);
            statements.set(0);
            rawPages.set(0);
        }
    }

    long articlesStored() {
        return articles.get();
    }

    long statementsStored() {
        return statements.get();
    }

    long rawPagesStored() {
        return rawPages.get();
    }

    @Override
    public void putArticles(List<Article> batch) {
        delegate.putArticles(batch);
        long nanos = System.nanoTime();
        Instant committed = Instant.now();
        boolean fresh = false;
        for (Article a : batch) {
            if (seen.add(a.articleId())) {
                fresh = true;
                articles.incrementAndGet();
                statements.addAndGet(a.statements().size());
                if (a.fetchedAt() != null) {
                    latency.record(committed.toEpochMilli() - a.fetchedAt().toEpochMilli());
                }
            }
        }
        if (fresh) {
            synchronized (timeline) {
                timeline.add(new long[] {nanos, articles.get(), statements.get()});
            }
        }
    }

    /**
     * Articles and statements stored per second from the commit that brought the count to {@code from} or more
     * to the last commit: the steady rate, without the start-up of a fresh pipeline. Zeros when fewer commits.
     *
     * @return {articles per second, statements per second, seconds, articles in the window}
     */
    double[] rateFrom(long from) {
        synchronized (timeline) {
            long[] first = null;
            for (long[] t : timeline) {
                if (t[1] >= from) {
                    first = t;
                    break;
                }
            }
            if (first == null || timeline.isEmpty()) {
                return new double[4];
            }
            long[] last = timeline.get(timeline.size() - 1);
            double seconds = (last[0] - first[0]) / 1e9;
            if (seconds <= 0) {
                return new double[4];
            }
            return new double[] {(last[1] - first[1]) / seconds, (last[2] - first[2]) / seconds, seconds,
                    last[1] - first[1]};
        }
    }

    @Override
    public void archiveRawPages(List<RawPageUtf8> pages) {
        delegate.archiveRawPages(pages);
        rawPages.addAndGet(pages.size());
    }

    @Override
    public void putFeeds(List<FeedChange> changes) {
        delegate.putFeeds(changes);
    }

    @Override
    public void putFeedStates(List<FeedState> states) {
        delegate.putFeedStates(states);
    }

    @Override
    public void putDeadLetters(List<DeadLetter> letters) {
        delegate.putDeadLetters(letters);
    }

    @Override
    public boolean deleteArticle(String articleId) {
        return delegate.deleteArticle(articleId);
    }

    @Override
    public int deleteRawPagesFetchedBefore(Instant cutoff) {
        return delegate.deleteRawPagesFetchedBefore(cutoff);
    }

    @Override
    public Page<Article> articles(ArticleQuery query) {
        return delegate.articles(query);
    }

    @Override
    public Optional<Article> article(String articleId) {
        return delegate.article(articleId);
    }

    @Override
    public Page<Statement> statements(StatementQuery query) {
        return delegate.statements(query);
    }

    @Override
    public List<SpeakerCount> speakers(Instant since, Instant until, int limit) {
        return delegate.speakers(since, until, limit);
    }

    @Override
    public List<FeedView> feeds() {
        return delegate.feeds();
    }

    @Override
    public Stats stats() {
        return delegate.stats();
    }

    @Override
    public Page<RawPageSummary> rawPages(RawQuery query) {
        return delegate.rawPages(query);
    }


    @Override
    public List<DeadLetter> deadLetters(Instant since, int limit) {
        return delegate.deadLetters(since, limit);
    }

    @Override
    public List<RawPageUtf8> rawPagesUtf8(List<String> articleIds) {
        return delegate.rawPagesUtf8(articleIds);
    }

    @Override
    public Page<DeadLetter> deadLetters(String stage, Instant since, int limit, String cursor) {
        return delegate.deadLetters(stage, since, limit, cursor);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
