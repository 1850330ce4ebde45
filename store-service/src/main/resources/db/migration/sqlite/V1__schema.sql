-- Newsline archive, SQLite flavour. Times are TEXT in a fixed-width ISO-8601 UTC form
-- (yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ) so that they sort as strings and stay readable in the sqlite3 shell.

-- An explicit INTEGER PRIMARY KEY: the FTS5 index points at it, and VACUUM keeps it (implicit rowids may change).
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL UNIQUE,
    schema_version    INTEGER NOT NULL,
    url               TEXT NOT NULL,
    canonical_url     TEXT,
    feed_id           TEXT,
    fetched_at        TEXT,
    extracted_at      TEXT,
    extractor_version TEXT,
    version_key       TEXT NOT NULL,
    is_article        INTEGER NOT NULL,
    title             TEXT,
    authors           TEXT NOT NULL,   -- JSON array
    author_words      TEXT NOT NULL,   -- ' jane doe | john roe ' for whole-word matching
    published_at      TEXT,
    modified_at       TEXT,
    language          TEXT,
    site_name         TEXT,
    description       TEXT,
    image             TEXT,
    section           TEXT,
    tags              TEXT NOT NULL,   -- JSON array
    text              TEXT,
    html              TEXT,
    word_count        INTEGER NOT NULL,
    content_hash      TEXT,
    statement_count   INTEGER NOT NULL,
    sort_at           TEXT NOT NULL    -- publishedAt, else fetchedAt, else extractedAt: the "newest first" order
);
CREATE INDEX articles_sort ON articles (sort_at DESC, article_id DESC);
CREATE INDEX articles_feed_sort ON articles (feed_id, sort_at DESC, article_id DESC);
CREATE INDEX articles_feed_fetched ON articles (feed_id, fetched_at);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, description, text,
    content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, description, text) VALUES (new.id, new.title, new.description, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, description, text)
        VALUES ('delete', old.id, old.title, old.description, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, description, text)
        VALUES ('delete', old.id, old.title, old.description, old.text);
    INSERT INTO articles_fts (rowid, title, description, text) VALUES (new.id, new.title, new.description, new.text);
END;

CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    statement_id      TEXT NOT NULL UNIQUE,
    article_id        TEXT NOT NULL,
    schema_version    INTEGER NOT NULL,
    url               TEXT,
    extractor_version TEXT,
    idx               INTEGER NOT NULL,
    quote             TEXT NOT NULL,
    speaker           TEXT,
    speaker_canonical TEXT,
    speaker_key       TEXT,            -- SpeakerKey: one person under several names
    speaker_words     TEXT NOT NULL,   -- ' president trump | donald trump ' for whole-word matching
    cue               TEXT,
    kind              TEXT NOT NULL,
    start_offset      INTEGER NOT NULL,
    end_offset        INTEGER NOT NULL,
    published_at      TEXT,
    sort_at           TEXT NOT NULL    -- the article's sort_at
);
CREATE INDEX statements_article ON statements (article_id, idx);
CREATE INDEX statements_sort ON statements (sort_at DESC, article_id DESC, idx);
CREATE INDEX statements_speaker_key ON statements (speaker_key, sort_at);

CREATE VIRTUAL TABLE statements_fts USING fts5(
    quote, speaker, speaker_canonical,
    content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, quote, speaker, speaker_canonical)
        VALUES (new.id, new.quote, new.speaker, new.speaker_canonical);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote, speaker, speaker_canonical)
        VALUES ('delete', old.id, old.quote, old.speaker, old.speaker_canonical);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote, speaker, speaker_canonical)
        VALUES ('delete', old.id, old.quote, old.speaker, old.speaker_canonical);
    INSERT INTO statements_fts (rowid, quote, speaker, speaker_canonical)
        VALUES (new.id, new.quote, new.speaker, new.speaker_canonical);
END;

CREATE TABLE raw_pages (
    article_id     TEXT PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    url            TEXT NOT NULL,
    final_url      TEXT,
    feed_id        TEXT,
    item           TEXT,              -- JSON of the feed item
    fetched_at     TEXT NOT NULL,
    status         INTEGER NOT NULL,
    headers        TEXT NOT NULL,     -- JSON object
    charset        TEXT,
    body_gzip      BLOB,
    body_chars     INTEGER NOT NULL,
    body_bytes     INTEGER NOT NULL   -- compressed size
);
CREATE INDEX raw_pages_fetched ON raw_pages (fetched_at DESC, article_id DESC);
CREATE INDEX raw_pages_feed ON raw_pages (feed_id, fetched_at DESC, article_id DESC);

CREATE TABLE feeds (
    feed_id        TEXT PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    url            TEXT NOT NULL,
    title          TEXT,
    tags           TEXT NOT NULL,     -- JSON array
    interval_iso   TEXT,              -- ISO-8601 duration; NULL = adaptive
    paused         INTEGER NOT NULL,
    created_at     TEXT,
    updated_at     TEXT
);

CREATE TABLE feed_states (
    feed_id              TEXT PRIMARY KEY,
    title                TEXT,
    last_polled_at       TEXT,
    last_success_at      TEXT,
    next_poll_at         TEXT,
    consecutive_failures INTEGER NOT NULL,
    last_status          INTEGER,
    last_error           TEXT,
    state                TEXT NOT NULL  -- the whole FeedState as JSON
);

CREATE TABLE dead_letters (
    letter_id      TEXT PRIMARY KEY,  -- hash of the letter, so a redelivered one is stored once
    schema_version INTEGER NOT NULL,
    stage          TEXT,
    error          TEXT,
    source_topic   TEXT,
    source_partition INTEGER NOT NULL,
    source_offset  INTEGER NOT NULL,
    record_key     TEXT,
    payload        TEXT,
    payload_bytes  INTEGER NOT NULL,
    at             TEXT NOT NULL
);
CREATE INDEX dead_letters_at ON dead_letters (at DESC, letter_id DESC);

-- Ids taken down: a redelivered or replayed record must not bring them back.
CREATE TABLE takedowns (
    article_id TEXT PRIMARY KEY,
    at         TEXT NOT NULL
);
