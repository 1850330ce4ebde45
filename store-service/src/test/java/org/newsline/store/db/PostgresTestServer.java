package org.newsline.store.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A PostgreSQL server for tests: whether it answers, and a throwaway schema per test. */
public final class PostgresTestServer {

    private PostgresTestServer() {
    }

    private static Boolean answered;

    /** {@link #answers()}, asked once per test run. */
    public static synchronized boolean answersOnce() {
        if (answered == null) {
            answered = answers();
        }
        return answered;
    }

    /** True if something accepts connections where the test URL points and a login succeeds. */
    public static boolean answers() {
        String url = PostgresArticleStoreTest.BASE_URL;
        URI uri = URI.create(url.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public static String createSchema(String baseUrl) throws SQLException {
        String schema = "newsline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    public static void dropSchema(String baseUrl, String schema) throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public static String urlWithSchema(String baseUrl, String schema) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
