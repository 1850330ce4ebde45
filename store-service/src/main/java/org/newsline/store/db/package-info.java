/**
 * The archive's database layer. {@link org.newsline.store.db.ArticleStore#open(String)} is the entry point:
 * SQLite (embedded, FTS5) or PostgreSQL (tsvector, GIN) by JDBC URL, migrated with Flyway from
 * {@code db/migration/sqlite} and {@code db/migration/postgresql}. The query records ({@code ArticleQuery},
 * {@code StatementQuery}, {@code RawQuery}) check their arguments; everything else package-private is not API.
 */
package org.newsline.store.db;
