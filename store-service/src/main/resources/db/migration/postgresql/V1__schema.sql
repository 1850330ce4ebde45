-- Newsline archive, PostgreSQL flavour. Ids and version keys use the "C" collation so that keyset
-- pagination and version comparison order them byte by byte, as the SQLite store does.

CREATE TABLE articles (
    article_id        TEXT COLLATE "C" PRIMARY KEY,
    schema_version    INTEGER NOT NULL,
    url               TEXT NOT NULL,
    canonical_url     TEXT,
    feed_id           TEXT COLLATE "C",
    fetched_at        TIMESTAMPTZ,
    extracted_at      TIMESTAMPTZ,
    extractor_version TEXT,
    version_key       TEXT COLLATE "C" NOT NULL,
    is_article        BOOLEAN NOT NULL,
    title             TEXT,
    authors           TEXT NOT NULL,   -- JSON array
    author_words      TEXT NOT NULL,   -- ' jane doe | john roe ' for whole-word matching
    published_at      TIMESTAMPTZ,
    modified_at       TIMESTAMPTZ,
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
    sort_at           TIMESTAMPTZ NOT NULL,  -- publishedAt, else fetchedAt, else extractedAt
    search            TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(description, '')), 'B')
        || to_tsvector('simple', coalesce(text, ''))) STORED
);
CREATE INDEX articles_sort ON articles (sort_at DESC, article_id DESC);
CREATE INDEX articles_feed_sort ON articles (feed_id, sort_at DESC, article_id DESC);
CREATE INDEX articles_feed_fetched ON articles (feed_id, fetched_at);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE statements (
    statement_id      TEXT COLLATE "C" PRIMARY KEY,
    article_id        TEXT COLLATE "C" NOT NULL,
    schema_version    INTEGER NOT NULL,
    url               TEXT,
    extractor_version TEXT,
    idx               INTEGER NOT NULL,
    quote             TEXT NOT NULL,
    speaker           TEXT,
    speaker_canonical TEXT,
    speaker_key       TEXT COLLATE "C",
    speaker_words     TEXT NOT NULL,
    cue               TEXT,
    kind              TEXT NOT NULL,
    start_offset      INTEGER NOT NULL,
    end_offset        INTEGER NOT NULL,
    published_at      TIMESTAMPTZ,
    sort_at           TIMESTAMPTZ NOT NULL,
    search            TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple', quote || ' ' || coalesce(speaker, '') || ' ' || coalesce(speaker_canonical, ''))) STORED
);
CREATE INDEX statements_article ON statements (article_id, idx);
CREATE INDEX statements_sort ON statements (sort_at DESC, article_id DESC, idx);
CREATE INDEX statements_speaker_key ON statements (speaker_key, sort_at);
CREATE INDEX statements_search ON statements USING GIN (search);

CREATE TABLE raw_pages (
    article_id     TEXT COLLATE "C" PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    url            TEXT NOT NULL,
    final_url      TEXT,
    feed_id        TEXT COLLATE "C",
    item           TEXT,
    fetched_at     TIMESTAMPTZ NOT NULL,
    status         INTEGER NOT NULL,
    headers        TEXT NOT NULL,
    charset        TEXT,
    body_gzip      BYTEA,
    body_chars     INTEGER NOT NULL,
    body_bytes     INTEGER NOT NULL
);
CREATE INDEX raw_pages_fetched ON raw_pages (fetched_at DESC, article_id DESC);
CREATE INDEX raw_pages_feed ON raw_pages (feed_id, fetched_at DESC, article_id DESC);

CREATE TABLE feeds (
    feed_id        TEXT COLLATE "C" PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    url            TEXT NOT NULL,
    title          TEXT,
    tags           TEXT NOT NULL,
    interval_iso   TEXT,
    paused         BOOLEAN NOT NULL,
    created_at     TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ
);

CREATE TABLE feed_states (
    feed_id              TEXT COLLATE "C" PRIMARY KEY,
    title                TEXT,
    last_polled_at       TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    next_poll_at         TIMESTAMPTZ,
    consecutive_failures INTEGER NOT NULL,
    last_status          INTEGER,
    last_error           TEXT,
    state                TEXT NOT NULL
);

CREATE TABLE dead_letters (
    letter_id        TEXT COLLATE "C" PRIMARY KEY,
    schema_version   INTEGER NOT NULL,
    stage            TEXT,
    error            TEXT,
    source_topic     TEXT,
    source_partition INTEGER NOT NULL,
    source_offset    BIGINT NOT NULL,
    record_key       TEXT,
    payload          TEXT,
    payload_bytes    INTEGER NOT NULL,
    at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX dead_letters_at ON dead_letters (at DESC, letter_id DESC);

CREATE TABLE takedowns (
    article_id TEXT COLLATE "C" PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL
);

-- Article text and HTML are TOASTed; lz4 compresses them about three times faster than the default pglz,
-- which is a fifth of the cost of storing an article. Only where the server was built with lz4.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4;
        ALTER TABLE articles ALTER COLUMN html SET COMPRESSION lz4;
        ALTER TABLE raw_pages ALTER COLUMN headers SET COMPRESSION lz4;
    END IF;
END
$$;
