package org.newsline.store.db;

import java.util.Locale;

/** Picks the implementation for a JDBC URL. */
final class StoreFactory {

    private StoreFactory() {
    }

    static ArticleStore open(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl is empty");
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return SqliteArticleStore.open(jdbcUrl);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return PostgresArticleStore.open(jdbcUrl, user, password);
        }
        throw new IllegalArgumentException("jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql:, was "
                + jdbcUrl.split("\\?")[0]);
    }
}
