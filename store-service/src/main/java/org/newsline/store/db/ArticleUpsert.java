package org.newsline.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsline.events.Article;
import org.newsline.events.Statement;
import org.newsline.events.StatementKind;

/**
 * Writes one batch of articles inside the caller's transaction: each article that is not older than the
 * stored one replaces the stored row and all its statements; older ones and taken-down ids are skipped.
 * Because the whole batch commits at once, a reader sees either the old article with its old statements or
 * the new one with its new statements, never a mix or none.
 */
final class ArticleUpsert {

    private static final String UPSERT = "INSERT INTO articles (article_id, schema_version, url, canonical_url,"
            + " feed_id, fetched_at, extracted_at, extractor_version, version_key, is_article, title, authors,"
            + " author_words, published_at, modified_at, language, site_name, description, image, section, tags,"
            + " text, html, word_count, content_hash, statement_count, sort_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (article_id) DO UPDATE SET schema_version = excluded.schema_version,"
            + " url = excluded.url, canonical_url = excluded.canonical_url, feed_id = excluded.feed_id,"
            + " fetched_at = excluded.fetched_at, extracted_at = excluded.extracted_at,"
            + " extractor_version = excluded.extractor_version, version_key = excluded.version_key,"
            + " is_article = excluded.is_article, title = excluded.title, authors = excluded.authors,"
            + " author_words = excluded.author_words, published_at = excluded.published_at,"
            + " modified_at = excluded.modified_at, language = excluded.language, site_name = excluded.site_name,"
            + " description = excluded.description, image = excluded.image, section = excluded.section,"
            + " tags = excluded.tags, text = excluded.text, html = excluded.html, word_count = excluded.word_count,"
            + " content_hash = excluded.content_hash, statement_count = excluded.statement_count,"
            + " sort_at = excluded.sort_at"
            // the version check again in SQL: correct even if another writer slipped in between
            + " WHERE excluded.version_key >= articles.version_key";

    private static final String INSERT_STATEMENT = "INSERT INTO statements (statement_id, article_id,"
            + " schema_version, url, extractor_version, idx, quote, speaker, speaker_canonical, speaker_key,"
            + " speaker_words, cue, kind, start_offset, end_offset, published_at, sort_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            // a statement listed twice in one article must not fail the whole batch forever
            + " ON CONFLICT (statement_id) DO NOTHING";

    private final JdbcArticleStore store;
    private final Connection c;

    ArticleUpsert(JdbcArticleStore store, Connection c) {
        this.store = store;
        this.c = c;
    }

    void put(List<Article> batch) throws SQLException {
        Map<String, Article> newest = newestPerId(batch);
        for (String id : store.takenDown(c, new ArrayList<>(newest.keySet()))) {
            newest.remove(id);
        }
        Map<String, String> stored = storedVersionKeys(new ArrayList<>(newest.keySet()));
        List<Article> winners = new ArrayList<>();
        for (Article a : newest.values()) {
            String storedKey = stored.get(a.articleId());
            if (storedKey == null || ExtractorVersion.sortKey(a.extractorVersion()).compareTo(storedKey) >= 0) {
                winners.add(a);
            }
        }
        if (winners.isEmpty()) {
            return;
        }
        deleteStatements(winners.stream().map(Article::articleId).filter(stored::containsKey).toList());
        upsertArticles(winners);
        insertStatements(winners);
    }

    /** Within one batch, only the newest version of each article counts (the later one on a tie). */
    private static Map<String, Article> newestPerId(List<Article> batch) {
        Map<String, Article> newest = new LinkedHashMap<>();
        for (Article a : batch) {
            newest.merge(a.articleId(), a, (old, neu) ->
                    ExtractorVersion.replaces(neu.extractorVersion(), old.extractorVersion()) ? neu : old);
        }
        return newest;
    }

    private Map<String, String> storedVersionKeys(List<String> ids) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        for (int from = 0; from < ids.size(); from += JdbcArticleStore.IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + JdbcArticleStore.IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, version_key FROM articles"
                    + " WHERE article_id IN (" + JdbcArticleStore.placeholders(chunk.size()) + ")"
                    + store.lockClause())) {
                for (int i = 0; i < chunk.size(); i++) {
                    JdbcArticleStore.setText(ps, i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return stored;
    }

    private void deleteStatements(List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM statements WHERE article_id = ?")) {
            for (String id : ids) {
                JdbcArticleStore.setText(ps, 1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void upsertArticles(List<Article> articles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Article a : articles) {
                int i = 1;
                JdbcArticleStore.setText(ps, i++, a.articleId());
                ps.setInt(i++, a.schemaVersion());
                JdbcArticleStore.setText(ps, i++, JdbcArticleStore.nonNull(a.url()));
                JdbcArticleStore.setText(ps, i++, a.canonicalUrl());
                JdbcArticleStore.setText(ps, i++, a.feedId());
                store.setTime(ps, i++, a.fetchedAt());
                store.setTime(ps, i++, a.extractedAt());
                JdbcArticleStore.setText(ps, i++, a.extractorVersion());
                JdbcArticleStore.setText(ps, i++, ExtractorVersion.sortKey(a.extractorVersion()));
                ps.setBoolean(i++, a.isArticle());
                JdbcArticleStore.setText(ps, i++, a.title());
                JdbcArticleStore.setText(ps, i++, Json.write(a.authors()));
                JdbcArticleStore.setText(ps, i++, WordMatch.column(a.authors()));
                store.setTime(ps, i++, a.publishedAt());
                store.setTime(ps, i++, a.modifiedAt());
                JdbcArticleStore.setText(ps, i++, a.language());
                JdbcArticleStore.setText(ps, i++, a.siteName());
                JdbcArticleStore.setText(ps, i++, a.description());
                JdbcArticleStore.setText(ps, i++, a.image());
                JdbcArticleStore.setText(ps, i++, a.section());
                JdbcArticleStore.setText(ps, i++, Json.write(a.tags()));
                JdbcArticleStore.setText(ps, i++, a.text());
                JdbcArticleStore.setText(ps, i++, a.html());
                ps.setInt(i++, a.wordCount());
                JdbcArticleStore.setText(ps, i++, a.contentHash());
                ps.setInt(i++, a.statements().isEmpty() ? a.statementCount() : a.statements().size());
                store.setTime(ps, i, sortAt(a));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertStatements(List<Article> articles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_STATEMENT)) {
            int batched = 0;
            for (Article a : articles) {
                Instant sortAt = sortAt(a);
                for (Statement s : a.statements()) {
                    int i = 1;
                    JdbcArticleStore.setText(ps, i++, s.statementId());
                    JdbcArticleStore.setText(ps, i++, a.articleId()); // the article's id, whatever the statement claims
                    ps.setInt(i++, s.schemaVersion());
                    JdbcArticleStore.setText(ps, i++, s.url() != null ? s.url() : a.url());
                    JdbcArticleStore.setText(ps, i++, s.extractorVersion());
                    ps.setInt(i++, s.index());
                    JdbcArticleStore.setText(ps, i++, JdbcArticleStore.nonNull(s.quote()));
                    JdbcArticleStore.setText(ps, i++, s.speaker());
                    JdbcArticleStore.setText(ps, i++, s.speakerCanonical());
                    JdbcArticleStore.setText(ps, i++, SpeakerKey.of(s.speaker(), s.speakerCanonical()));
                    JdbcArticleStore.setText(ps, i++, WordMatch.column(names(s)));
                    JdbcArticleStore.setText(ps, i++, s.cue());
                    JdbcArticleStore.setText(ps, i++, (s.kind() == null ? StatementKind.DIRECT : s.kind()).wireName());
                    ps.setInt(i++, s.start());
                    ps.setInt(i++, s.end());
                    store.setTime(ps, i++, s.publishedAt());
                    store.setTime(ps, i, sortAt);
                    ps.addBatch();
                    batched++;
                }
            }
            if (batched > 0) {
                ps.executeBatch();
            }
        }
    }

    private static List<String> names(Statement s) {
        List<String> names = new ArrayList<>(2);
        if (s.speaker() != null) {
            names.add(s.speaker());
        }
        if (s.speakerCanonical() != null) {
            names.add(s.speakerCanonical());
        }
        return names;
    }

    /**
     * The time an article is listed under: when it was published, else when it was fetched. A publication time
     * after the fetch is wrong metadata (a time zone slip, a placeholder year) and would pin the article to the
     * top of every listing, so the fetch time caps it.
     */
    static Instant sortAt(Article a) {
        if (a.publishedAt() != null) {
            return a.fetchedAt() != null && a.publishedAt().isAfter(a.fetchedAt()) ? a.fetchedAt() : a.publishedAt();
        }
        if (a.fetchedAt() != null) {
            return a.fetchedAt();
        }
        return a.extractedAt() != null ? a.extractedAt() : Instant.EPOCH;
    }
}
