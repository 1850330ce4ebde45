package org.newsline.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as users type them on the command line, the same forms the API accepts: an ISO-8601 instant
 * ({@code 2026-03-01T12:00:00Z}), a date-time with offset ({@code 2026-03-01T13:00:00+01:00}), a date
 * ({@code 2026-03-01}, midnight UTC), or a time before now ({@code 90s-ago}, {@code 15m-ago}, {@code 2h-ago},
 * {@code 7d-ago}, {@code 2w-ago}). Checked here so a typo fails before anything is read or printed.
 */
final class TimeArg {

    static final String FORMS = "an ISO-8601 time (2026-03-01T12:00:00Z), a date (2026-03-01)"
            + " or a time before now (15m-ago, 2h-ago, 7d-ago)";

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhdw])-ago");

    private TimeArg() {
    }

    /**
     * @param option the option's name, for the message
     * @return null when {@code value} is null
     * @throws IllegalArgumentException naming the option and the accepted forms
     */
    static Instant parse(String option, String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        Matcher ago = AGO.matcher(v.toLowerCase(Locale.ROOT));
        if (ago.matches()) {
            return now.minus(unit(ago.group(2)).multipliedBy(Long.parseLong(ago.group(1))));
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": expected " + FORMS + ", got '" + value + "'");
        }
    }

    /** The same, as the ISO-8601 instant the API is sent (so "2h-ago" means the client's now). */
    static String iso(String option, String value) {
        Instant t = parse(option, value, Instant.now());
        return t == null ? null : t.toString();
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
    }
}
