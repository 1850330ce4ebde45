package org.newsline.cli.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times on the command line: ISO-8601 ({@code 2026-03-01T12:00:00Z}), a date (midnight UTC), or {@code 2h-ago}. */
final class TimeArg {

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhdw])-ago");

    private TimeArg() {
    }

    static Instant parse(String option, String value, Instant now) {
        if (value == null) {
            return null;
        }
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration unit = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(n));
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 time (2026-03-01T12:00:00Z), a date"
                    + " (2026-03-01) or a time before now (15m-ago, 2h-ago, 7d-ago), was " + value);
        }
    }

    /** {@code 200/s}, {@code 200} or {@code 12000/m} as records per second. */
    static double rate(String value) {
        if (value == null) {
            return 0;
        }
        String v = value.trim();
        double per = 1;
        if (v.endsWith("/s")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("/m")) {
            v = v.substring(0, v.length() - 2);
            per = 60;
        }
        try {
            double r = Double.parseDouble(v) / per;
            if (r < 0 || Double.isNaN(r) || Double.isInfinite(r)) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate must be records per second such as 200/s, was " + value);
        }
    }
}
