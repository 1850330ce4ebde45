package org.newsline.extract.article.metadata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date formats pages put in metadata: ISO-8601 with or without offset, seconds or fraction, with a
 * space instead of {@code T}, offsets without a colon, bare dates (taken as midnight UTC), RFC 1123, and Unix
 * epoch seconds or milliseconds. A time without an offset is taken as UTC.
 */
final class DateParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

    private DateParser() {
    }

    /** The instant {@code value} denotes, or null when it is not a date this parser knows. */
    static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 64) {
            return null;
        }
        try {
            Matcher m = ISO.matcher(v);
            if (m.lookingAt()) {
                return fromIso(m);
            }
            if (EPOCH.matcher(v).matches()) {
                long n = Long.parseLong(v);
                return v.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            }
            return OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static Instant fromIso(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (m.group(4) == null) {
            return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int nanos = 0;
        if (m.group(7) != null) {
            String f = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(f);
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        return local.toInstant(offset(m.group(8)));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.replace(":", "");
        int sign = z.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(z.substring(1, 3));
        int minutes = z.length() >= 5 ? Integer.parseInt(z.substring(3, 5)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
