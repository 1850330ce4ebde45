package org.newsline.store.db;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The store suite on PostgreSQL in a container: Testcontainers' {@link PostgreSQLContainer} on a locally built
 * image declared a compatible substitute for {@code postgres} ({@code newsline/postgres-local:15}, Debian's
 * PostgreSQL with the official image's interface; override with {@code NEWSLINE_TEST_PG_IMAGE}, e.g.
 * {@code postgres:17.6} where a registry is reachable). The container publishes its port on loopback (bridge
 * network, Testcontainers' port mapping). The reaper (Ryuk) is off, so this class stops its container itself.
 * Skipped, with the reason, when no Docker engine answers or the image is missing.
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerTest extends ArticleStoreContract {

    static final String IMAGE = System.getenv().getOrDefault("NEWSLINE_TEST_PG_IMAGE", "newsline/postgres-local:15");

    private static PostgreSQLContainer postgres;
    private static String baseUrl;

    private String schema;

    @BeforeAll
    static void startPostgres() {
        LocalImages.require(IMAGE);
        postgres = new PostgreSQLContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("newsline")
                .withUsername("newsline")
                .withPassword("newsline-test");
        postgres.start();
        String url = postgres.getJdbcUrl();
        baseUrl = url + (url.contains("?") ? "&" : "?") + "user=" + postgres.getUsername()
                + "&password=" + postgres.getPassword();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
    }

    @Override
    protected ArticleStore openStore() throws SQLException {
        schema = PostgresTestServer.createSchema(baseUrl);
        return ArticleStore.open(PostgresTestServer.urlWithSchema(baseUrl, schema));
    }

    @Override
    protected ArticleStore reopenStore() {
        return ArticleStore.open(PostgresTestServer.urlWithSchema(baseUrl, schema));
    }

    @Override
    protected String jdbcUrl() {
        return PostgresTestServer.urlWithSchema(baseUrl, schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (store != null) {
            store.close();
            store = null;
        }
        PostgresTestServer.dropSchema(baseUrl, schema);
    }
}
