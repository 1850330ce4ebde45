package org.newsline.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The embedded store: one SQLite file in WAL mode, so readers never wait for the writer. Exactly one writer
 * connection (SQLite allows one writer at a time; queueing in the pool beats busy retries), a few readers.
 * Full-text search uses FTS5 tables kept in step by triggers, so the file stays consistent even when edited
 * with the sqlite3 shell.
 */
final class SqliteArticleStore extends JdbcArticleStore {

    /** Fixed width, so that times sort correctly as text. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_QUERY_WORDS = 32;

    private SqliteArticleStore(HikariDataSource writer, HikariDataSource reader) {
        super(writer, reader, Clock.systemUTC());
    }

    static SqliteArticleStore open(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.contains(":memory:") || lower.contains("mode=memory") || lower.equals("jdbc:sqlite:")) {
            throw new IllegalArgumentException("the SQLite store needs a file, not an in-memory database: " + jdbcUrl);
        }
        createParentDirectory(jdbcUrl);
        // WAL must be on before Flyway's connection and the pools open the file
        Migrations.migrate(jdbcUrl, "sqlite");
        HikariDataSource writer = pool(jdbcUrl, "newsline-sqlite-writer", 1);
        HikariDataSource reader = pool(jdbcUrl, "newsline-sqlite-reader", 4);
        return new SqliteArticleStore(writer, reader);
    }

    private static HikariDataSource pool(String jdbcUrl, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        Properties pragmas = new Properties();
        pragmas.setProperty("journal_mode", "WAL");
        pragmas.setProperty("synchronous", "NORMAL"); // durable at each WAL checkpoint; safe against corruption
        pragmas.setProperty("busy_timeout", "30000");
        pragmas.setProperty("foreign_keys", "true");
        config.setDataSourceProperties(pragmas);
        return new HikariDataSource(config);
    }

    private static void createParentDirectory(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        if (file.startsWith("file:")) {
            return; // URI form: leave it to SQLite
        }
        int query = file.indexOf('?');
        Path parent = Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the SQLite file " + parent, e);
        }
    }

    @Override
    void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        ps.setString(index, time == null ? null : TIME.format(time));
    }

    @Override
    Instant getTime(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    @Override
    String articleTextCondition() {
        return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
    }

    @Override
    String statementTextCondition() {
        return "s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)";
    }

    @Override
    String speakerCondition() {
        return "s.id IN (SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?)";
    }

    /** One FTS5 phrase: the words in this order, next to each other. */
    @Override
    String speakerQuery(String words) {
        return '"' + words.replace("\"", "") + '"';
    }

    /** Every word quoted as an FTS5 string, so user input is never FTS5 syntax (no NEAR, OR, column filters). */
    @Override
    String textQuery(String text) {
        String words = WordMatch.words(text);
        if (words.isEmpty()) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String w : words.split(" ")) {
            if (terms.size() == MAX_QUERY_WORDS) {
                break;
            }
            terms.add('"' + w.replace("\"", "\"\"") + '"');
        }
        return String.join(" ", terms);
    }

    @Override
    String lockClause() {
        return ""; // the single writer connection already serialises writes
    }

    @Override
    int snapshotIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }
}
