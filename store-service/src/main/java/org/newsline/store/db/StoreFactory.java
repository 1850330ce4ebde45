package org.newsline.store.db;

import java.util.Locale;

/** Picks the implementation for a JDBC URL. */
final class StoreFactory {

    private StoreFactory() {
    }

    static ArticleStore open(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl is empty");
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return SqliteArticleStore.open(jdbcUrl);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return PostgresArticleStore.open(jdbcUrl);
        }
        throw new IllegalArgumentException("jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql:, was "
                + jdbcUrl.split("\\?")[0]);
    }
}
