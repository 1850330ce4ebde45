package org.newsline.store.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.newsline.events.Article;
import org.newsline.events.DeadLetter;
import org.newsline.events.FeedItem;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.RawPage;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Statement;
import org.newsline.events.StatementKind;

/**
 * The SQL both databases share (upserts with {@code ON CONFLICT}, keyset pagination with row comparisons
 * spelled out, counts). What differs is left to the subclass: how a time is bound and read, full-text
 * conditions, row locking and connection pools.
 */
abstract class JdbcArticleStore implements ArticleStore {

    /** Largest IN list we build; both databases take far more, this keeps statements cacheable and small. */
    static final int IN_CHUNK = 500;

    private static final String ARTICLE_LIST_COLUMNS = "a.article_id, a.schema_version, a.url, a.canonical_url,"
            + " a.feed_id, a.fetched_at, a.extracted_at, a.extractor_version, a.is_article, a.title, a.authors,"
            + " a.published_at, a.modified_at, a.language, a.site_name, a.description, a.image, a.section, a.tags,"
            + " a.text, a.word_count, a.content_hash, a.statement_count, a.sort_at";
    private static final String STATEMENT_COLUMNS = "s.statement_id, s.article_id, s.schema_version, s.url,"
            + " s.extractor_version, s.idx, s.quote, s.speaker, s.speaker_canonical, s.cue, s.kind, s.start_offset,"
            + " s.end_offset, s.published_at, s.sort_at";
    private static final String RAW_SUMMARY_COLUMNS = "r.article_id, r.url, r.final_url, r.feed_id, r.fetched_at,"
            + " r.status, r.headers, r.charset, r.body_chars, r.body_bytes";

    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final Clock clock;

    JdbcArticleStore(HikariDataSource writer, HikariDataSource reader, Clock clock) {
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
    }

    // ---- what differs between databases -------------------------------------------------------------------

    /** Binds a time, or NULL. */
    abstract void setTime(PreparedStatement ps, int index, Instant time) throws SQLException;

    /** Reads a time, or null. */
    abstract Instant getTime(ResultSet rs, String column) throws SQLException;

    /** A condition on alias {@code a} with one {@code ?} for {@link #textQuery}. */
    abstract String articleTextCondition();

    /** A condition on alias {@code s} with one {@code ?} for {@link #textQuery}. */
    abstract String statementTextCondition();

    /** The full-text parameter for user input {@code text}, or null when it has no searchable word. */
    abstract String textQuery(String text);

    /** A condition on alias {@code s} with one {@code ?} for {@link #speakerQuery}: an index over speaker_words. */
    abstract String speakerCondition();

    /** The parameter of {@link #speakerCondition} for normalised words ({@link WordMatch#words}). */
    abstract String speakerQuery(String words);

    /** Appended to the SELECT that reads stored versions, to lock the rows being replaced (or empty). */
    abstract String lockClause();

    /** The isolation level at which multi-statement reads see one snapshot. */
    abstract int snapshotIsolation();

    // ---- writes ---------------------------------------------------------------------------------------------

    @Override
    public void putArticles(List<Article> articles) {
        if (articles.isEmpty()) {
            return;
        }
        inWriteTransaction(c -> {
            new ArticleUpsert(this, c).put(articles);
            return null;
        });
    }

    @Override
    public void archiveRawPages(List<RawPageUtf8> pages) {
        List<RawPageUtf8> fresh = pages.stream().filter(p -> !p.page().replay()).toList();
        if (fresh.isEmpty()) {
            return;
        }
        inWriteTransaction(c -> {
            List<String> down = takenDown(c, fresh.stream().map(p -> p.page().articleId()).toList());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_pages (article_id, schema_version, url,"
                    + " final_url, feed_id, item, fetched_at, status, headers, charset, body_compressed, body_chars,"
                    + " body_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (article_id) DO UPDATE SET schema_version = excluded.schema_version,"
                    + " url = excluded.url, final_url = excluded.final_url, feed_id = excluded.feed_id,"
                    + " item = excluded.item, fetched_at = excluded.fetched_at, status = excluded.status,"
                    + " headers = excluded.headers, charset = excluded.charset,"
                    + " body_compressed = excluded.body_compressed,"
                    + " body_chars = excluded.body_chars, body_bytes = excluded.body_bytes"
                    // an older fetch arriving late must not overwrite a newer one
                    + " WHERE excluded.fetched_at >= raw_pages.fetched_at")) {
                int batched = 0;
                for (RawPageUtf8 raw : fresh) {
                    RawPage p = raw.page();
                    if (down.contains(p.articleId())) {
                        continue;
                    }
                    byte[] packed = BodyCompression.compress(raw.body() == null ? new byte[0] : raw.body());
                    int i = 1;
                    setText(ps, i++, p.articleId());
                    ps.setInt(i++, p.schemaVersion());
                    setText(ps, i++, nonNull(p.url()));
                    setText(ps, i++, p.finalUrl());
                    setText(ps, i++, p.feedId());
                    setText(ps, i++, Json.write(p.item()));
                    setTime(ps, i++, p.fetchedAt() == null ? Instant.EPOCH : p.fetchedAt());
                    ps.setInt(i++, p.status());
                    setText(ps, i++, Json.write(p.headers()));
                    setText(ps, i++, p.charset());
                    ps.setBytes(i++, packed);
                    ps.setInt(i++, raw.bodyChars());
                    ps.setInt(i, packed.length);
                    ps.addBatch();
                    batched++;
                }
                if (batched > 0) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public void putFeeds(List<FeedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        inWriteTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO feeds (feed_id, schema_version, url,"
                    + " title, tags, interval_iso, paused, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (feed_id) DO UPDATE SET schema_version = excluded.schema_version,"
                    + " url = excluded.url, title = excluded.title, tags = excluded.tags,"
                    + " interval_iso = excluded.interval_iso, paused = excluded.paused,"
                    + " created_at = excluded.created_at, updated_at = excluded.updated_at");
                 PreparedStatement deleteFeed = c.prepareStatement("DELETE FROM feeds WHERE feed_id = ?");
                 PreparedStatement deleteState = c.prepareStatement("DELETE FROM feed_states WHERE feed_id = ?")) {
                // in topic order, one by one: a subscribe then unsubscribe of one feed in a batch must end deleted
                for (FeedChange change : changes) {
                    if (change.isTombstone()) {
                        setText(deleteFeed, 1, change.feedId());
                        deleteFeed.executeUpdate();
                        setText(deleteState, 1, change.feedId());
                        deleteState.executeUpdate();
                        continue;
                    }
                    FeedSubscription s = change.subscription();
                    int i = 1;
                    setText(upsert, i++, change.feedId());
                    upsert.setInt(i++, s.schemaVersion());
                    setText(upsert, i++, nonNull(s.url()));
                    setText(upsert, i++, s.title());
                    setText(upsert, i++, Json.write(s.tags()));
                    setText(upsert, i++, s.interval() == null ? null : s.interval().toString());
                    upsert.setBoolean(i++, s.paused());
                    setNullableTime(upsert, i++, s.createdAt());
                    setNullableTime(upsert, i, s.updatedAt());
                    upsert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void putFeedStates(List<FeedState> states) {
        if (states.isEmpty()) {
            return;
        }
        inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_states (feed_id, title, last_polled_at,"
                    + " last_success_at, next_poll_at, consecutive_failures, last_status, last_error, state)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (feed_id) DO UPDATE SET title = excluded.title,"
                    + " last_polled_at = excluded.last_polled_at, last_success_at = excluded.last_success_at,"
                    + " next_poll_at = excluded.next_poll_at, consecutive_failures = excluded.consecutive_failures,"
                    + " last_status = excluded.last_status, last_error = excluded.last_error,"
                    + " state = excluded.state")) {
                for (FeedState s : states) {
                    int i = 1;
                    setText(ps, i++, s.feedId());
                    setText(ps, i++, s.title());
                    setNullableTime(ps, i++, s.lastPolledAt());
                    setNullableTime(ps, i++, s.lastSuccessAt());
                    setNullableTime(ps, i++, s.nextPollAt());
                    ps.setInt(i++, s.consecutiveFailures());
                    if (s.lastStatus() == null) {
                        ps.setNull(i++, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(i++, s.lastStatus());
                    }
                    setText(ps, i++, s.lastError());
                    setText(ps, i, Json.write(s));
                    ps.executeUpdate(); // one by one: the last state of a feed in the batch wins
                }
            }
            return null;
        });
    }

    @Override
    public void putDeadLetters(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letters (letter_id, schema_version,"
                    + " stage, error, source_topic, source_partition, source_offset, record_key, payload,"
                    + " payload_bytes, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (letter_id) DO NOTHING")) {
                for (DeadLetter d : letters) {
                    int i = 1;
                    setText(ps, i++, letterId(d));
                    ps.setInt(i++, d.schemaVersion());
                    setText(ps, i++, d.stage());
                    setText(ps, i++, d.error());
                    setText(ps, i++, d.sourceTopic());
                    ps.setInt(i++, d.partition());
                    ps.setLong(i++, d.offset());
                    setText(ps, i++, d.key());
                    setText(ps, i++, d.payload());
                    ps.setInt(i++, d.payloadBytes());
                    setTime(ps, i, d.at() == null ? Instant.EPOCH : d.at());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean deleteArticle(String articleId) {
        return inWriteTransaction(c -> {
            int deleted = 0;
            for (String table : List.of("statements", "articles", "raw_pages")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?")) {
                    setText(ps, 1, articleId);
                    deleted += ps.executeUpdate();
                }
            }
            if (deleted == 0) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO takedowns (article_id, at) VALUES (?, ?) ON CONFLICT (article_id) DO NOTHING")) {
                setText(ps, 1, articleId);
                setTime(ps, 2, clock.instant());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public int deleteRawPagesFetchedBefore(Instant cutoff) {
        return inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM raw_pages WHERE fetched_at < ?")) {
                setTime(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    /** The ids among {@code ids} that were taken down. */
    List<String> takenDown(Connection c, List<String> ids) throws SQLException {
        List<String> down = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT article_id FROM takedowns WHERE article_id IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    setText(ps, i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        down.add(rs.getString(1));
                    }
                }
            }
        }
        return down;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    @Override
    public Page<Article> articles(ArticleQuery q) {
        SqlQuery sql = new SqlQuery("SELECT " + ARTICLE_LIST_COLUMNS + " FROM articles a");
        if (q.text() != null) {
            String text = textQuery(q.text());
            if (text == null) {
                return new Page<>(List.of(), null);
            }
            sql.where(articleTextCondition(), text);
        }
        if (q.feedId() != null) {
            sql.where("a.feed_id = ?", q.feedId());
        }
        if (q.since() != null) {
            sql.where("a.sort_at >= ?", q.since());
        }
        if (q.until() != null) {
            sql.where("a.sort_at < ?", q.until());
        }
        if (q.language() != null) {
            String lang = q.language().toLowerCase(Locale.ROOT);
            sql.where("lower(a.language) = ? OR lower(a.language) LIKE ? ESCAPE '\\'", lang, likeEscape(lang) + "-%");
        }
        if (q.author() != null) {
            String pattern = WordMatch.pattern(q.author());
            if (pattern == null) {
                return new Page<>(List.of(), null);
            }
            sql.where("a.author_words LIKE ?", pattern);
        }
        if (q.isArticle() != null) {
            sql.where("a.is_article = ?", q.isArticle());
        }
        if (q.cursor() != null) {
            CursorCodec.Cursor after = CursorCodec.decode(CursorCodec.ARTICLES, q.cursor());
            sql.where("a.sort_at < ? OR (a.sort_at = ? AND a.article_id < ?)", after.at(), after.at(), after.key(0));
        }
        sql.append("ORDER BY a.sort_at DESC, a.article_id DESC LIMIT ?", q.limit() + 1);
        return inRead(c -> {
            List<Article> items = new ArrayList<>();
            List<Instant> sortAts = new ArrayList<>();
            query(c, sql, rs -> {
                items.add(articleRow(rs, null, List.of()));
                sortAts.add(getTime(rs, "sort_at"));
            });
            return page(items, q.limit(), last -> CursorCodec.encode(CursorCodec.ARTICLES,
                    sortAts.get(q.limit() - 1), last.articleId()));
        });
    }

    @Override
    public Optional<Article> article(String articleId) {
        return inSnapshot(c -> {
            List<Article> found = new ArrayList<>();
            SqlQuery sql = new SqlQuery("SELECT " + ARTICLE_LIST_COLUMNS + ", a.html FROM articles a")
                    .where("a.article_id = ?", articleId);
            List<Statement> statements = statementsOf(c, articleId);
            query(c, sql, rs -> found.add(articleRow(rs, rs.getString("html"), statements)));
            return found.stream().findFirst();
        });
    }

    private List<Statement> statementsOf(Connection c, String articleId) throws SQLException {
        List<Statement> statements = new ArrayList<>();
        SqlQuery sql = new SqlQuery("SELECT " + STATEMENT_COLUMNS + " FROM statements s")
                .where("s.article_id = ?", articleId)
                .append("ORDER BY s.idx, s.statement_id");
        query(c, sql, rs -> statements.add(statementRow(rs)));
        return statements;
    }

    @Override
    public Page<Statement> statements(StatementQuery q) {
        SqlQuery sql = new SqlQuery("SELECT " + STATEMENT_COLUMNS + " FROM statements s");
        if (q.speaker() != null) {
            String pattern = WordMatch.pattern(q.speaker());
            if (pattern == null) {
                return new Page<>(List.of(), null);
            }
            // the index narrows to candidates, the LIKE keeps only whole-word matches inside one name
            sql.where(speakerCondition(), speakerQuery(WordMatch.words(q.speaker())));
            sql.where("s.speaker_words LIKE ?", pattern);
        }
        if (q.text() != null) {
            String text = textQuery(q.text());
            if (text == null) {
                return new Page<>(List.of(), null);
            }
            sql.where(statementTextCondition(), text);
        }
        if (q.kind() != null) {
            sql.where("s.kind = ?", q.kind().wireName());
        }
        if (q.since() != null) {
            sql.where("s.sort_at >= ?", q.since());
        }
        if (q.until() != null) {
            sql.where("s.sort_at < ?", q.until());
        }
        if (q.cursor() != null) {
            CursorCodec.Cursor after = CursorCodec.decode(CursorCodec.STATEMENTS, q.cursor());
            String articleId = after.key(0);
            int idx = Integer.parseInt(after.key(1));
            String statementId = after.key(2);
            // (sort_at DESC, article_id DESC, idx ASC, statement_id ASC) strictly after the cursor
            sql.where("s.sort_at < ? OR (s.sort_at = ? AND (s.article_id < ? OR (s.article_id = ? AND"
                            + " (s.idx > ? OR (s.idx = ? AND s.statement_id > ?)))))",
                    after.at(), after.at(), articleId, articleId, idx, idx, statementId);
        }
        sql.append("ORDER BY s.sort_at DESC, s.article_id DESC, s.idx ASC, s.statement_id ASC LIMIT ?",
                q.limit() + 1);
        return inRead(c -> {
            List<Statement> items = new ArrayList<>();
            List<Instant> sortAts = new ArrayList<>();
            query(c, sql, rs -> {
                items.add(statementRow(rs));
                sortAts.add(getTime(rs, "sort_at"));
            });
            return page(items, q.limit(), last -> CursorCodec.encode(CursorCodec.STATEMENTS,
                    sortAts.get(q.limit() - 1), last.articleId(), Integer.toString(last.index()),
                    last.statementId()));
        });
    }

    @Override
    public List<SpeakerCount> speakers(Instant since, Instant until, int limit) {
        Limits.check(limit);
        Limits.checkRange(since, until);
        return inSnapshot(c -> {
            SqlQuery top = timeFiltered("SELECT s.speaker_key, count(*) AS n FROM statements s", since, until)
                    .where("s.speaker_key IS NOT NULL")
                    .append("GROUP BY s.speaker_key ORDER BY n DESC, s.speaker_key LIMIT ?", limit);
            Map<String, Long> counts = new LinkedHashMap<>();
            query(c, top, rs -> counts.put(rs.getString(1), rs.getLong(2)));
            if (counts.isEmpty()) {
                return List.of();
            }
            Map<String, NameTally> names = new HashMap<>();
            List<String> keys = new ArrayList<>(counts.keySet());
            SqlQuery variants = timeFiltered("SELECT s.speaker_key, s.speaker, s.speaker_canonical, count(*) AS n"
                    + " FROM statements s", since, until)
                    .where("s.speaker_key IN (" + placeholders(keys.size()) + ")", keys.toArray())
                    .append("GROUP BY s.speaker_key, s.speaker, s.speaker_canonical");
            query(c, variants, rs -> names.computeIfAbsent(rs.getString(1), k -> new NameTally())
                    .add(rs.getString(2), rs.getString(3), rs.getLong(4)));
            List<SpeakerCount> out = new ArrayList<>();
            counts.forEach((key, n) -> {
                NameTally tally = names.getOrDefault(key, new NameTally());
                out.add(new SpeakerCount(key, tally.bestName(key), n, tally.variants()));
            });
            return out;
        });
    }

    private SqlQuery timeFiltered(String select, Instant since, Instant until) {
        SqlQuery sql = new SqlQuery(select);
        if (since != null) {
            sql.where("s.sort_at >= ?", since);
        }
        if (until != null) {
            sql.where("s.sort_at < ?", until);
        }
        return sql;
    }

    @Override
    public List<FeedView> feeds() {
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        SqlQuery sql = new SqlQuery("SELECT f.feed_id, f.url, f.title, f.tags, f.interval_iso, f.paused,"
                + " f.created_at, f.updated_at, st.title AS state_title, st.last_polled_at, st.last_success_at,"
                + " st.next_poll_at, st.consecutive_failures, st.last_status, st.last_error,"
                + " (SELECT count(*) FROM articles a WHERE a.feed_id = f.feed_id AND a.fetched_at >= ?) AS new_items"
                + " FROM feeds f LEFT JOIN feed_states st ON st.feed_id = f.feed_id", dayAgo);
        sql.append("ORDER BY f.url, f.feed_id");
        return inRead(c -> {
            List<FeedView> out = new ArrayList<>();
            query(c, sql, rs -> {
                boolean paused = rs.getBoolean("paused");
                Instant lastPolled = getNullableTime(rs, "last_polled_at");
                int failures = rs.getInt("consecutive_failures");
                int status = rs.getInt("last_status");
                Integer lastStatus = rs.wasNull() ? null : status;
                String interval = rs.getString("interval_iso");
                String title = rs.getString("title");
                out.add(new FeedView(rs.getString("feed_id"), rs.getString("url"),
                        title != null ? title : rs.getString("state_title"), Json.strings(rs.getString("tags")),
                        interval == null ? null : Duration.parse(interval), paused,
                        getNullableTime(rs, "created_at"), getNullableTime(rs, "updated_at"), lastPolled,
                        getNullableTime(rs, "last_success_at"), lastStatus, getNullableTime(rs, "next_poll_at"),
                        failures, rs.getString("last_error"), rs.getLong("new_items"),
                        FeedView.health(paused, lastPolled, failures)));
            });
            return out;
        });
    }

    @Override
    public Stats stats() {
        // one statement, so all counts come from one snapshot
        SqlQuery sql = new SqlQuery("SELECT"
                + " (SELECT count(*) FROM articles WHERE is_article = ?),"
                + " (SELECT count(*) FROM articles WHERE is_article = ?),"
                + " (SELECT count(*) FROM statements),"
                + " (SELECT count(*) FROM raw_pages),"
                + " (SELECT count(*) FROM dead_letters),"
                + " (SELECT count(*) FROM feeds)", true, false);
        return inRead(c -> {
            Stats[] stats = new Stats[1];
            query(c, sql, rs -> stats[0] = new Stats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6)));
            return stats[0];
        });
    }

    @Override
    public Page<RawPageSummary> rawPages(RawQuery q) {
        SqlQuery sql = new SqlQuery("SELECT " + RAW_SUMMARY_COLUMNS + " FROM raw_pages r");
        if (q.since() != null) {
            sql.where("r.fetched_at >= ?", q.since());
        }
        if (q.until() != null) {
            sql.where("r.fetched_at < ?", q.until());
        }
        if (q.feedId() != null) {
            sql.where("r.feed_id = ?", q.feedId());
        }
        if (q.urlPrefix() != null) {
            // where the page was found or where it redirected to; substr compares exactly (LIKE folds case in SQLite)
            String prefix = q.urlPrefix();
            int length = prefix.codePointCount(0, prefix.length());
            sql.where("substr(r.url, 1, ?) = ? OR substr(r.final_url, 1, ?) = ?", length, prefix, length, prefix);
        }
        if (q.cursor() != null) {
            CursorCodec.Cursor after = CursorCodec.decode(CursorCodec.RAW, q.cursor());
            sql.where("r.fetched_at < ? OR (r.fetched_at = ? AND r.article_id < ?)", after.at(), after.at(),
                    after.key(0));
        }
        sql.append("ORDER BY r.fetched_at DESC, r.article_id DESC LIMIT ?", q.limit() + 1);
        return inRead(c -> {
            List<RawPageSummary> items = new ArrayList<>();
            query(c, sql, rs -> items.add(new RawPageSummary(rs.getString("article_id"), rs.getString("url"),
                    rs.getString("final_url"), rs.getString("feed_id"), getTime(rs, "fetched_at"),
                    rs.getInt("status"), contentType(Json.stringMap(rs.getString("headers"))),
                    rs.getString("charset"), rs.getInt("body_chars"), rs.getInt("body_bytes"))));
            return page(items, q.limit(), last -> CursorCodec.encode(CursorCodec.RAW, last.fetchedAt(),
                    last.articleId()));
        });
    }

    @Override
    public List<RawPageUtf8> rawPagesUtf8(List<String> articleIds) {
        List<RawPageUtf8> found = new ArrayList<>(articleIds.size());
        for (int from = 0; from < articleIds.size(); from += IN_CHUNK) {
            List<String> chunk = articleIds.subList(from, Math.min(articleIds.size(), from + IN_CHUNK));
            SqlQuery sql = new SqlQuery("SELECT r.* FROM raw_pages r")
                    .where("r.article_id IN (" + placeholders(chunk.size()) + ")", chunk.toArray());
            found.addAll(inRead(c -> {
                List<RawPageUtf8> rows = new ArrayList<>(chunk.size());
                query(c, sql, rs -> {
                    byte[] packed = rs.getBytes("body_compressed");
                    rows.add(new RawPageUtf8(new RawPage(rs.getInt("schema_version"), rs.getString("article_id"),
                            rs.getString("url"), rs.getString("final_url"), rs.getString("feed_id"),
                            Json.read(rs.getString("item"), FeedItem.class), getTime(rs, "fetched_at"),
                            rs.getInt("status"), Json.stringMap(rs.getString("headers")), rs.getString("charset"),
                            null, false), packed == null ? null : BodyCompression.decompress(packed),
                            packed == null ? 0 : rs.getInt("body_chars")));
                });
                return rows;
            }));
        }
        return found;
    }

    @Override
    public List<DeadLetter> deadLetters(Instant since, int limit) {
        Limits.check(limit);
        SqlQuery sql = new SqlQuery("SELECT * FROM dead_letters d");
        if (since != null) {
            sql.where("d.at >= ?", since);
        }
        sql.append("ORDER BY d.at DESC, d.letter_id DESC LIMIT ?", limit);
        return inRead(c -> {
            List<DeadLetter> out = new ArrayList<>();
            query(c, sql, rs -> out.add(deadLetterRow(rs)));
            return out;
        });
    }

    @Override
    public Page<DeadLetter> deadLetters(String stage, Instant since, int limit, String cursor) {
        Limits.check(limit);
        SqlQuery sql = new SqlQuery("SELECT * FROM dead_letters d");
        if (stage != null) {
            sql.where("d.stage = ?", stage);
        }
        if (since != null) {
            sql.where("d.at >= ?", since);
        }
        if (cursor != null) {
            CursorCodec.Cursor after = CursorCodec.decode(CursorCodec.DEAD_LETTERS, cursor);
            sql.where("d.at < ? OR (d.at = ? AND d.letter_id < ?)", after.at(), after.at(), after.key(0));
        }
        sql.append("ORDER BY d.at DESC, d.letter_id DESC LIMIT ?", limit + 1);
        return inRead(c -> {
            List<DeadLetter> out = new ArrayList<>();
            query(c, sql, rs -> out.add(deadLetterRow(rs)));
            return page(out, limit, last -> CursorCodec.encode(CursorCodec.DEAD_LETTERS, last.at(), letterId(last)));
        });
    }

    @Override
    public void close() {
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }

    // ---- rows -----------------------------------------------------------------------------------------------

    private Article articleRow(ResultSet rs, String html, List<Statement> statements) throws SQLException {
        return new Article(rs.getInt("schema_version"), rs.getString("article_id"), rs.getString("url"),
                rs.getString("canonical_url"), rs.getString("feed_id"), getNullableTime(rs, "fetched_at"),
                getNullableTime(rs, "extracted_at"), rs.getString("extractor_version"), rs.getBoolean("is_article"),
                rs.getString("title"), Json.strings(rs.getString("authors")), getNullableTime(rs, "published_at"),
                getNullableTime(rs, "modified_at"), rs.getString("language"), rs.getString("site_name"),
                rs.getString("description"), rs.getString("image"), rs.getString("section"),
                Json.strings(rs.getString("tags")), rs.getString("text"), html, rs.getInt("word_count"),
                rs.getString("content_hash"), rs.getInt("statement_count"), statements);
    }

    private DeadLetter deadLetterRow(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getInt("schema_version"), rs.getString("stage"), rs.getString("error"),
                rs.getString("source_topic"), rs.getInt("source_partition"), rs.getLong("source_offset"),
                rs.getString("record_key"), rs.getString("payload"), rs.getInt("payload_bytes"), getTime(rs, "at"));
    }

    private Statement statementRow(ResultSet rs) throws SQLException {
        return new Statement(rs.getInt("schema_version"), rs.getString("statement_id"), rs.getString("article_id"),
                rs.getString("url"), rs.getString("extractor_version"), rs.getInt("idx"), rs.getString("quote"),
                rs.getString("speaker"), rs.getString("speaker_canonical"), rs.getString("cue"),
                StatementKind.fromWire(rs.getString("kind")), rs.getInt("start_offset"), rs.getInt("end_offset"),
                getNullableTime(rs, "published_at"));
    }

    private static String contentType(Map<String, String> headers) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("content-type")) {
                return h.getValue();
            }
        }
        return null;
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface CursorOf<T> {
        String of(T last);
    }

    <T> T inWriteTransaction(SqlWork<T> work) {
        try (Connection c = writer.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed: " + e.getMessage(), e);
        }
    }

    private <T> T inRead(SqlWork<T> work) {
        try (Connection c = reader.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        }
    }

    /** Reads that take several statements, in one snapshot (never an article with half its statements). */
    private <T> T inSnapshot(SqlWork<T> work) {
        return inRead(c -> {
            c.setTransactionIsolation(snapshotIsolation());
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    private void query(Connection c, SqlQuery sql, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
            bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof Instant t) {
                setTime(ps, i + 1, t);
            } else if (v instanceof String s) {
                setText(ps, i + 1, s);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (v instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                throw new IllegalStateException("cannot bind " + v);
            }
        }
    }

    private static <T> Page<T> page(List<T> rows, int limit, CursorOf<T> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOf.of(items.get(limit - 1)));
    }

    void setNullableTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        setTime(ps, index, time);
    }

    Instant getNullableTime(ResultSet rs, String column) throws SQLException {
        return getTime(rs, column);
    }

    /**
     * Binds text without U+0000: PostgreSQL text cannot hold it, and one stray NUL in a page or a query must not
     * fail a batch forever or a request with a 500. Nothing stored contains it, so queries lose nothing.
     */
    static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", ""));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** A dead letter's identity: the same letter delivered twice hashes the same. */
    static String letterId(DeadLetter d) {
        String identity = String.join("\n", String.valueOf(d.stage()), String.valueOf(d.sourceTopic()),
                Integer.toString(d.partition()), Long.toString(d.offset()), String.valueOf(d.key()),
                String.valueOf(d.at()), String.valueOf(d.error()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** Names under one speaker key with how often each was seen. */
    private static final class NameTally {
        private final Map<String, Long> canonical = new HashMap<>();
        private final Map<String, Long> all = new HashMap<>();

        void add(String speaker, String speakerCanonical, long n) {
            if (speakerCanonical != null && !speakerCanonical.isBlank()) {
                canonical.merge(speakerCanonical, n, Long::sum);
                all.merge(speakerCanonical, n, Long::sum);
            }
            if (speaker != null && !speaker.isBlank()) {
                all.merge(speaker, n, Long::sum);
            }
        }

        String bestName(String key) {
            Map<String, Long> from = canonical.isEmpty() ? all : canonical;
            return from.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(key);
        }

        List<String> variants() {
            return all.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
        }
    }
}
