package org.newsline.store.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/**
 * The store suite on PostgreSQL at {@code 127.0.0.1:5432} (database {@code test}, user {@code postgres}; override
 * with the {@code NEWSLINE_TEST_PG_URL} environment variable). Every test gets its own schema, dropped
 * afterwards. Skipped, with the reason, when no server answers.
 */
@Tag("integration")
class PostgresArticleStoreTest extends ArticleStoreContract {

    static final String BASE_URL = System.getenv().getOrDefault("NEWSLINE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private String schema;

    @Override
    protected ArticleStore openStore() throws SQLException {
        // per test, so that each one is reported as skipped with the reason
        assumeTrue(PostgresTestServer.answersOnce(), "PostgreSQL tests skipped: no server answers at "
                + BASE_URL.replaceAll("\\?.*", "") + " (start one, or set NEWSLINE_TEST_PG_URL)");
        schema = PostgresTestServer.createSchema(BASE_URL);
        return ArticleStore.open(PostgresTestServer.urlWithSchema(BASE_URL, schema));
    }

    @Override
    protected ArticleStore reopenStore() {
        return ArticleStore.open(PostgresTestServer.urlWithSchema(BASE_URL, schema));
    }

    @Override
    protected String jdbcUrl() {
        return PostgresTestServer.urlWithSchema(BASE_URL, schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (store != null) {
            store.close();
            store = null;
        }
        PostgresTestServer.dropSchema(BASE_URL, schema);
    }
}
