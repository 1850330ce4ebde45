package org.newsline.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsline.events.Article;

/**
 * The deployment store: PostgreSQL with {@code timestamptz} times and {@code tsvector} columns (generated,
 * GIN-indexed) for full-text search. Rows being replaced are locked, so store instances that briefly overlap
 * during a consumer rebalance cannot interleave an article and another version's statements.
 */
final class PostgresArticleStore extends JdbcArticleStore {

    /**
     * Connections one large batch of articles is written on at once. Computing the tsvector of the text is most
     * of the cost of storing an article and runs on one core per connection.
     */
    static final int PARALLEL_WRITERS = 2;
    /** Smaller batches are not worth splitting. */
    static final int MIN_SPLIT = 64;

    private final ExecutorService writers = Executors.newFixedThreadPool(PARALLEL_WRITERS, r -> {
        Thread t = new Thread(r, "newsline-postgres-writer");
        t.setDaemon(true);
        return t;
    });

    private PostgresArticleStore(HikariDataSource pool) {
        super(pool, pool, Clock.systemUTC());
    }

    /**
     * Splits a large batch by article id and writes the parts in parallel, each in its own transaction. Every
     * article still replaces its statements atomically, and the parts hold disjoint ids so they never wait on
     * each other's locks. If a part fails the call fails, and writing the whole batch again (the redelivery) is
     * harmless because every write is idempotent.
     */
    @Override
    public void putArticles(List<Article> articles) {
        if (articles.size() < MIN_SPLIT) {
            super.putArticles(articles);
            return;
        }
        List<List<Article>> parts = new ArrayList<>();
        for (int i = 0; i < PARALLEL_WRITERS; i++) {
            parts.add(new ArrayList<>());
        }
        for (Article a : articles) {
            parts.get(Math.floorMod(a.articleId().hashCode(), PARALLEL_WRITERS)).add(a);
        }
        List<Future<?>> pending = new ArrayList<>();
        for (List<Article> part : parts.subList(1, parts.size())) {
            pending.add(writers.submit(() -> super.putArticles(part)));
        }
        RuntimeException failure = null;
        try {
            super.putArticles(parts.get(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                        : new StoreException("write failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new StoreException("interrupted while writing articles", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        writers.shutdown();
        super.close();
    }

    static PostgresArticleStore open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    static PostgresArticleStore open(String jdbcUrl, String user, String password) {
        Migrations.migrate(jdbcUrl, user, password, "postgresql");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setPoolName("newsline-postgres");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        // one round trip per batch instead of one per row
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new PostgresArticleStore(new HikariDataSource(config));
    }

    @Override
    void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }
    }

    @Override
    Instant getTime(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    @Override
    String articleTextCondition() {
        return "a.search @@ plainto_tsquery('simple', ?)";
    }

    @Override
    String statementTextCondition() {
        return "s.search @@ plainto_tsquery('simple', ?)";
    }

    @Override
    String speakerCondition() {
        return "to_tsvector('simple', s.speaker_words) @@ phraseto_tsquery('simple', ?)";
    }

    @Override
    String speakerQuery(String words) {
        return words;
    }

    /** plainto_tsquery accepts any text (every word required), so user input needs no escaping. */
    @Override
    String textQuery(String text) {
        return WordMatch.words(text).isEmpty() ? null : text;
    }

    @Override
    String lockClause() {
        return " FOR UPDATE";
    }

    @Override
    int snapshotIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }
}
