package org.newsline.runtime.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its name, type, default and documentation, declared once in {@link Settings}. The
 * same key is read from a properties file ({@code bootstrap.servers}), the environment
 * ({@code NEWSLINE_BOOTSTRAP_SERVERS}) or a system property ({@code newsline.bootstrap.servers}).
 */
public record Setting(String key, Type type, String defaultValue, boolean secret, String doc) {

    public enum Type { STRING, INT, LONG, BOOLEAN, DURATION, SIZE, LIST }

    public String envName() {
        return "NEWSLINE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Checks that {@code value} parses as this setting's type; throws naming the key otherwise. */
    public Object parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return switch (type) {
                case STRING -> v;
                case INT -> Integer.parseInt(v);
                case LONG -> Long.parseLong(v);
                case BOOLEAN -> parseBoolean(v);
                case DURATION -> parseDuration(v);
                case SIZE -> parseSize(v);
                case LIST -> v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
            };
        } catch (RuntimeException e) {
            throw new ConfigException(key + ": invalid " + type.name().toLowerCase(Locale.ROOT) + " value '" + value
                    + "'" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private static boolean parseBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 7d}, or an ISO-8601 duration. */
    public static Duration parseDuration(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("expected a number with a unit such as 30s, 15m, 2h or 7d");
        }
        long n = Long.parseLong(s.substring(0, i));
        return switch (s.substring(i)) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("unknown unit '" + s.substring(i) + "'");
        };
    }

    /** {@code 1048576}, {@code 512k}, {@code 10m}, {@code 1g} (binary units). */
    public static long parseSize(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long mult = 1;
        if (s.endsWith("k")) {
            mult = 1024;
        } else if (s.endsWith("m")) {
            mult = 1024 * 1024;
        } else if (s.endsWith("g")) {
            mult = 1024L * 1024 * 1024;
        }
        if (mult > 1) {
            s = s.substring(0, s.length() - 1);
        }
        long n = Long.parseLong(s.strip());
        if (n < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return n * mult;
    }
}
