package org.newsline.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on SQLite, a file per test. */
class SqliteArticleStoreTest extends ArticleStoreContract {

    @TempDir
    Path dir;

    @Override
    protected String jdbcUrl() {
        return url();
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("data/newsline.db");
    }

    @Override
    protected ArticleStore openStore() {
        return ArticleStore.open(url());
    }

    @Override
    protected ArticleStore reopenStore() {
        return ArticleStore.open(url());
    }

    @Test
    void fileIsInWalModeAndReadableWithPlainSqlite() throws Exception {
        store.putArticles(List.of(Fixtures.article(1, "1.0.0", "plain text about rivers", "Alice")));
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet rs = s.executeQuery("SELECT a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                    + " WHERE articles_fts MATCH 'rivers'")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void inMemoryDatabasesAndOtherUrlsAreRefused() {
        assertThatThrownBy(() -> ArticleStore.open("jdbc:sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in-memory");
        assertThatThrownBy(() -> ArticleStore.open("jdbc:mysql://localhost/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:sqlite:");
    }
}
