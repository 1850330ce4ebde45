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

/**
 * The deployment store: PostgreSQL with {@code timestamptz} times and {@code tsvector} columns (generated,
 * GIN-indexed) for full-text search. Rows being replaced are locked, so store instances that briefly overlap
 * during a consumer rebalance cannot interleave an article and another version's statements.
 */
final class PostgresArticleStore extends JdbcArticleStore {

    private PostgresArticleStore(HikariDataSource pool) {
        super(pool, pool, Clock.systemUTC());
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
