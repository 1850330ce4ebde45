package org.newsline.store.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times in query parameters: an ISO-8601 instant ({@code 2026-03-01T12:00:00Z}), a date-time with offset
 * ({@code 2026-03-01T13:00:00+01:00}), a date ({@code 2026-03-01}, midnight UTC), or a time before now
 * ({@code 15m-ago}, {@code 2h-ago}, {@code 7d-ago}).
 */
final class TimeParam {

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhdw])-ago");

    private TimeParam() {
    }

    /** @throws IllegalArgumentException with "must be ..." when {@code value} is none of the forms */
    static Instant parse(String value, Instant now) {
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            return now.minus(IntervalParam.unit(ago.group(2)).multipliedBy(Long.parseLong(ago.group(1))));
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 time (2026-03-01T12:00:00Z), a date"
                    + " (2026-03-01) or a time before now (15m-ago, 2h-ago, 7d-ago)");
        }
    }

}
