package org.newsline.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The effective configuration of a process. Each key's value comes from, in order of precedence: explicit
 * overrides (command-line options), system properties ({@code newsline.KEY}), environment variables
 * ({@code NEWSLINE_KEY}), a properties file ({@code NEWSLINE_CONFIG} or {@code --config}), the default.
 * Every value is validated when the configuration is built, so a bad one fails at start, by name.
 */
public final class NewslineConfig {

    private static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> raw;
    private final Map<String, String> sources;
    private final Map<String, Object> typed = new HashMap<>();
    private final List<String> unknownKeys;

    private NewslineConfig(Map<String, String> raw, Map<String, String> sources, List<String> unknownKeys) {
        this.raw = raw;
        this.sources = sources;
        this.unknownKeys = unknownKeys;
        for (Setting setting : Settings.all()) {
            typed.put(setting.key(), setting.parse(raw.getOrDefault(setting.key(), setting.defaultValue())));
        }
    }

    /** Configuration from defaults and the given overrides only (no environment): for tests and embedding. */
    public static NewslineConfig of(Map<String, String> overrides) {
        return load(overrides, null, Map.of(), new Properties());
    }

    /** Configuration from the environment, system properties, an optional file and the overrides. */
    public static NewslineConfig fromEnvironment(Map<String, String> overrides, Path file) {
        Path configFile = file;
        if (configFile == null && System.getenv("NEWSLINE_CONFIG") != null) {
            configFile = Path.of(System.getenv("NEWSLINE_CONFIG"));
        }
        return load(overrides, configFile, System.getenv(), System.getProperties());
    }

    static NewslineConfig load(Map<String, String> overrides, Path file, Map<String, String> env,
                               Properties sysProps) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
            }
            for (String k : p.stringPropertyNames()) {
                put(raw, sources, unknown, k, p.getProperty(k), "file");
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("NEWSLINE_") || name.equals("NEWSLINE_CONFIG")) {
                continue;
            }
            String key = keyForEnv(name);
            put(raw, sources, unknown, key, e.getValue(), "env");
        }
        for (String k : sysProps.stringPropertyNames()) {
            if (k.startsWith("newsline.")) {
                put(raw, sources, unknown, k.substring("newsline.".length()), sysProps.getProperty(k), "system property");
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (e.getValue() != null) {
                put(raw, sources, unknown, e.getKey(), e.getValue(), "option");
            }
        }
        return new NewslineConfig(raw, sources, unknown);
    }

    private static String keyForEnv(String envName) {
        String rest = envName.substring("NEWSLINE_".length());
        for (Setting s : Settings.all()) {
            if (s.envName().equals(envName)) {
                return s.key();
            }
        }
        // kafka.* pass-through: NEWSLINE_KAFKA_SASL_MECHANISM -> kafka.sasl.mechanism
        return rest.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static void put(Map<String, String> raw, Map<String, String> sources, List<String> unknown, String key,
                            String value, String source) {
        if (Settings.byKey(key).isEmpty() && !key.startsWith(KAFKA_PREFIX)) {
            unknown.add(key + " (" + source + ")");
            return;
        }
        raw.put(key, value);
        sources.put(key, source);
    }

    public String string(Setting s) {
        return (String) typed.get(s.key());
    }

    public int integer(Setting s) {
        return (Integer) typed.get(s.key());
    }

    public long size(Setting s) {
        return (Long) typed.get(s.key());
    }

    public boolean bool(Setting s) {
        return (Boolean) typed.get(s.key());
    }

    public Duration duration(Setting s) {
        return (Duration) typed.get(s.key());
    }

    @SuppressWarnings("unchecked")
    public List<String> list(Setting s) {
        return (List<String>) typed.get(s.key());
    }

    /** A copy with some keys changed. */
    public NewslineConfig with(Map<String, String> overrides) {
        Map<String, String> raw2 = new LinkedHashMap<>(raw);
        Map<String, String> sources2 = new HashMap<>(sources);
        List<String> unknown = new ArrayList<>(unknownKeys);
        overrides.forEach((k, v) -> put(raw2, sources2, unknown, k, v, "option"));
        return new NewslineConfig(raw2, sources2, unknown);
    }

    /** Keys given that Newsline does not know (a typo, usually); logged at start. */
    public List<String> unknownKeys() {
        return List.copyOf(unknownKeys);
    }

    /** The {@code kafka.*} keys with the prefix removed, for the Kafka clients. */
    public Map<String, String> kafkaPassThrough() {
        Map<String, String> out = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return out;
    }

    public Path dataDir() {
        return Path.of(string(Settings.DATA_DIR));
    }

    public String topicPrefix() {
        return string(Settings.TOPIC_PREFIX);
    }

    /** The database URL: the configured one, else the SQLite file in the data directory. */
    public String dbUrl() {
        String url = string(Settings.DB_URL);
        return url.isEmpty() ? "jdbc:sqlite:" + dataDir().resolve("newsline.db") : url;
    }

    /** One row per key: key, environment variable, default, effective value (secrets masked), source, doc. */
    public List<Row> describe() {
        List<Row> rows = new ArrayList<>();
        for (Setting s : Settings.all()) {
            String value = raw.getOrDefault(s.key(), s.defaultValue());
            String shown = s == Settings.DB_URL ? maskUrlPassword(value) : mask(s.secret(), value);
            rows.add(new Row(s.key(), s.envName(), s.defaultValue(), shown,
                    sources.getOrDefault(s.key(), "default"), s.doc()));
        }
        kafkaPassThrough().forEach((k, v) -> rows.add(new Row(KAFKA_PREFIX + k,
                "NEWSLINE_" + (KAFKA_PREFIX + k).toUpperCase(Locale.ROOT).replace('.', '_'), "",
                mask(isSecretKafkaKey(k), v), sources.get(KAFKA_PREFIX + k), "passed to the Kafka clients")));
        return rows;
    }

    static boolean isSecretKafkaKey(String k) {
        String l = k.toLowerCase(Locale.ROOT);
        return l.contains("password") || l.contains("jaas") || l.contains("secret") || l.contains("key");
    }

    /**
     * A JDBC URL with any password in it masked: the {@code password} parameter and the password of user info
     * ({@code //user:pw@host}). The URL is logged at start and printed by {@code newsctl config}.
     */
    static String maskUrlPassword(String url) {
        if (url == null) {
            return null;
        }
        String masked = url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1********");
        return masked.replaceAll("(//[^/@:?#]*):[^/@?#]*@", "$1:********@");
    }

    private static final java.util.regex.Pattern URL_PASSWORD = java.util.regex.Pattern.compile(
            "(?i)(password=)[^&;]*|(//[^/:@]+:)[^/@]*(@)");

    private static String mask(boolean secret, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (secret) {
            return "********";
        }
        // a JDBC or Kafka URL may carry a password of its own
        return URL_PASSWORD.matcher(value).replaceAll(m -> m.group(1) != null
                ? m.group(1) + "********" : java.util.regex.Matcher.quoteReplacement(m.group(2) + "********" + m.group(3)));
    }

    /** One documented key and its effective value. */
    public record Row(String key, String env, String defaultValue, String value, String source, String doc) {
    }
}
