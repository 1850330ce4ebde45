package org.newsline.runtime.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key of Newsline, declared once with its default and documentation. Every service reads
 * the same keys; {@code newsctl config} prints this table. Any key starting with {@code kafka.} passes through
 * to the Kafka clients (for SASL/TLS and tuning), e.g. {@code kafka.security.protocol=SASL_SSL}.
 */
public final class Settings {

    public static final Setting BOOTSTRAP_SERVERS = s("bootstrap.servers", Setting.Type.STRING, "localhost:9092",
            "Kafka bootstrap servers.");
    public static final Setting TOPIC_PREFIX = s("topic.prefix", Setting.Type.STRING, "",
            "Prefix put in front of every topic name (e.g. 'staging.'); empty for the literal names.");
    public static final Setting TOPIC_PARTITIONS = s("topic.partitions", Setting.Type.INT, "6",
            "Partitions of topics Newsline creates; news.raw, news.articles and news.statements share it.");
    public static final Setting TOPIC_REPLICATION = s("topic.replication.factor", Setting.Type.INT, "1",
            "Replication factor of topics Newsline creates.");
    public static final Setting TOPIC_MAX_MESSAGE = s("topic.max.message.bytes", Setting.Type.SIZE, "16m",
            "Largest record on news.raw and news.articles (topic max.message.bytes and producer max.request.size).");
    public static final Setting RAW_RETENTION = s("topic.raw.retention", Setting.Type.DURATION, "30d",
            "Retention of news.raw on Kafka (the store keeps its own archive).");
    public static final Setting DATA_DIR = s("data.dir", Setting.Type.STRING, "./newsline-data",
            "Directory for local state: the instance id, the embedded broker and the SQLite database.");
    public static final Setting INSTANCE_ID = s("instance.id", Setting.Type.STRING, "",
            "Stable id of this instance (its Kafka transactional.id derives from it). Empty: generated once "
                    + "and kept in the data directory.");
    public static final Setting DB_URL = s("db.url", Setting.Type.STRING, "",
            "JDBC URL of the store (jdbc:postgresql://... or jdbc:sqlite:...). Empty: SQLite file "
                    + "newsline.db in the data directory.");
    public static final Setting DB_USER = s("db.user", Setting.Type.STRING, "", "Database user.");
    public static final Setting DB_PASSWORD = secret("db.password", "Database password.");
    public static final Setting HTTP_HOST = s("http.host", Setting.Type.STRING, "127.0.0.1",
            "Address the HTTP server binds to. Binding elsewhere than loopback requires api.token.");
    public static final Setting HTTP_PORT = s("http.port", Setting.Type.INT, "8080",
            "Port of the HTTP server (the API in the store, /health and /metrics everywhere).");
    public static final Setting API_TOKEN = secret("api.token",
            "Bearer token required for requests that change state (subscribe, unsubscribe, takedowns, replays).");
    public static final Setting FETCH_ALLOW_PRIVATE = s("fetch.allow.private.addresses", Setting.Type.BOOLEAN,
            "false", "Fetch from loopback, private, link-local addresses (off: refused after DNS resolution).");
    public static final Setting FETCH_ALLOWED_HOSTS = s("fetch.allowed.hosts", Setting.Type.LIST, "",
            "host or host:port entries allowed even though they resolve to private addresses.");
    public static final Setting FETCH_MAX_BODY = s("fetch.max.body.bytes", Setting.Type.SIZE, "10m",
            "Largest response body read (cut off while reading).");
    public static final Setting FETCH_CONNECT_TIMEOUT = s("fetch.connect.timeout", Setting.Type.DURATION, "5s",
            "Connect timeout of feed polls and page fetches.");
    public static final Setting FETCH_READ_TIMEOUT = s("fetch.read.timeout", Setting.Type.DURATION, "15s",
            "Longest wait for the next bytes of a response.");
    public static final Setting FETCH_TOTAL_TIMEOUT = s("fetch.total.timeout", Setting.Type.DURATION, "30s",
            "Longest time for a whole response.");
    public static final Setting FETCH_MAX_REDIRECTS = s("fetch.max.redirects", Setting.Type.INT, "5",
            "Redirects followed, each hop checked.");
    public static final Setting FETCH_USER_AGENT = s("fetch.user.agent", Setting.Type.STRING,
            "Newsline/0.1 (+https://github.com/newsline/newsline)", "User-Agent of feed polls and page fetches.");
    public static final Setting FETCH_HOST_CONCURRENCY = s("fetch.host.concurrency", Setting.Type.INT, "2",
            "Requests in flight to one host at most.");
    public static final Setting FETCH_HOST_DELAY = s("fetch.host.delay", Setting.Type.DURATION, "1s",
            "Minimum delay between requests to one host.");
    public static final Setting FETCH_HOST_OVERRIDES = s("fetch.host.overrides", Setting.Type.LIST, "",
            "Per host pattern politeness: entries 'pattern=concurrency/delay', e.g. '*.example.org=4/250ms'.");
    public static final Setting FETCH_THREADS = s("fetch.threads", Setting.Type.INT, "16",
            "Page fetches in flight per ingest instance.");
    public static final Setting POLL_MIN_INTERVAL = s("poll.min.interval", Setting.Type.DURATION, "5m",
            "Shortest adaptive poll interval of a feed.");
    public static final Setting POLL_MAX_INTERVAL = s("poll.max.interval", Setting.Type.DURATION, "24h",
            "Longest poll interval (also the cap of failure backoff).");
    public static final Setting ARCHIVE_RETENTION = s("archive.retention", Setting.Type.DURATION, "0s",
            "How long the store keeps raw pages (checked hourly); 0s keeps them forever.");
    public static final Setting BATCH_SIZE = s("batch.size", Setting.Type.INT, "500",
            "Records processed per Kafka transaction or database batch.");

    private static final Map<String, Setting> ALL = new LinkedHashMap<>();

    static {
        for (Setting setting : List.of(BOOTSTRAP_SERVERS, TOPIC_PREFIX, TOPIC_PARTITIONS, TOPIC_REPLICATION,
                TOPIC_MAX_MESSAGE, RAW_RETENTION, DATA_DIR, INSTANCE_ID, DB_URL, DB_USER, DB_PASSWORD, HTTP_HOST,
                HTTP_PORT, API_TOKEN, FETCH_ALLOW_PRIVATE, FETCH_ALLOWED_HOSTS, FETCH_MAX_BODY,
                FETCH_CONNECT_TIMEOUT, FETCH_READ_TIMEOUT, FETCH_TOTAL_TIMEOUT, FETCH_MAX_REDIRECTS,
                FETCH_USER_AGENT, FETCH_HOST_CONCURRENCY, FETCH_HOST_DELAY, FETCH_HOST_OVERRIDES, FETCH_THREADS,
                POLL_MIN_INTERVAL, POLL_MAX_INTERVAL, ARCHIVE_RETENTION, BATCH_SIZE)) {
            ALL.put(setting.key(), setting);
        }
    }

    private Settings() {
    }

    /** Every declared setting, in documentation order. */
    public static List<Setting> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Setting> byKey(String key) {
        return Optional.ofNullable(ALL.get(key));
    }

    private static Setting s(String key, Setting.Type type, String def, String doc) {
        return new Setting(key, type, def, false, doc);
    }

    private static Setting secret(String key, String doc) {
        return new Setting(key, Setting.Type.STRING, "", true, doc);
    }
}
