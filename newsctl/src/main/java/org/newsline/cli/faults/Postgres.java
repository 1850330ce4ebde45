package org.newsline.cli.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The suite's own PostgreSQL (embedded binaries, a data directory of its own, a fixed port), so restarting it
 * never touches a shared server. A restart stops the server (fast shutdown: open transactions are rolled back)
 * and starts it again on the same data directory and port.
 */
final class Postgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    Postgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    synchronized void start() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "50")
                .start();
    }

    synchronized void restart() throws IOException {
        stop();
        start();
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The store's URL: credentials in the URL, as the store takes them. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    boolean answers() {
        try (Connection c = DriverManager.getConnection(jdbcUrl() + "&connectTimeout=2")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
