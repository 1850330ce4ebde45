package org.newsline.ingest.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Parses {@code Retry-After}: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    /** Retry-After values beyond this are clamped: a server asking for a week is asking for "much later". */
    static final Duration MAX = Duration.ofDays(1);

    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(java.time.ZoneOffset.UTC);

    private RetryAfter() {
    }

    /** The delay {@code value} asks for, relative to {@code now}; empty if absent or unreadable. */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(clamp(Duration.ofSeconds(Long.parseLong(v))));
            } catch (NumberFormatException e) {
                return Optional.of(MAX);  // too many digits for a long: effectively "very long"
            }
        }
        Instant at = httpDate(v);
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(clamp(Duration.between(now, at)));
    }

    /** An HTTP date in IMF-fixdate, RFC 850 or asctime form, or null. */
    static Instant httpDate(String v) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                return ZonedDateTime.parse(v, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static Duration clamp(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
