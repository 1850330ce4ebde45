package org.newsline.store.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database to the newest schema with Flyway: versioned SQL files under {@code db/migration/sqlite} or
 * {@code db/migration/postgresql}, one flavour per database because full-text search and types differ.
 */
final class Migrations {

    private Migrations() {
    }

    static void migrate(String jdbcUrl, String flavour) {
        migrate(jdbcUrl, null, null, flavour);
    }

    static void migrate(String jdbcUrl, String user, String password, String flavour) {
        try {
            Flyway.configure()
                    .dataSource(jdbcUrl, user == null || user.isEmpty() ? null : user,
                            password == null || password.isEmpty() ? null : password)
                    .locations("classpath:db/migration/" + flavour)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the " + flavour + " schema: " + e.getMessage(), e);
        }
    }
}
