package org.newsline.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates real feeds carry: RFC 822/1123 with or without weekday, 2- or 4-digit years, with or without
 * seconds, named zones (GMT, EST, CEST...), numeric zones ({@code +0200}, {@code -05:00}), military letters,
 * {@code GMT+2}; ISO 8601 / RFC 3339 with {@code T} or a space, fractions, offsets with or without colon, date only;
 * US-style {@code Jun 10, 2003 4:00 PM} and asctime. A date without zone is read as UTC. Anything else gives null.
 */
public final class FeedDateParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?\\s*(.*)");
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]+\\.?,?\\s*)?(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/]+([A-Za-z\\u00e0-\\u00fb]+)\\.?,?[\\s\\-/]+(\\d{2,4})"
                    + "(?:[\\s,T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*(.*)");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?:[A-Za-z]+\\.?,?\\s+)?([A-Za-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
                    + "(?:[\\s,]+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(.*)");
    private static final Pattern ASCTIME = Pattern.compile(
            "[A-Za-z]+\\s+([A-Za-z]+)\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:([A-Za-z]+|[+-]\\d{2,4})\\s+)?(\\d{4})");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("(?:GMT|UTC|UT)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12),
            // German and French abbreviations that feeds in those languages put into "RFC 822" dates
            Map.entry("mär", 3), Map.entry("mai", 5), Map.entry("okt", 10), Map.entry("dez", 12),
            Map.entry("fév", 2), Map.entry("fev", 2), Map.entry("avr", 4),
            Map.entry("aoû", 8), Map.entry("aou", 8), Map.entry("déc", 12));

    /** Zone abbreviations feeds use, as offsets in minutes; ambiguous ones take their most common meaning. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600), Map.entry("AST", -240),
            Map.entry("ADT", -180), Map.entry("NST", -210), Map.entry("NDT", -150),
            Map.entry("BST", 60), Map.entry("IST", 330), Map.entry("WEST", 60), Map.entry("CET", 60),
            Map.entry("MET", 60), Map.entry("CEST", 120), Map.entry("MEST", 120), Map.entry("MESZ", 120),
            Map.entry("MEZ", 60), Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180),
            Map.entry("SGT", 480), Map.entry("HKT", 480), Map.entry("AWST", 480), Map.entry("JST", 540),
            Map.entry("KST", 540), Map.entry("ACST", 570), Map.entry("ACDT", 630), Map.entry("AEST", 600),
            Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780));

    private FeedDateParser() {
    }

    /** The instant {@code text} names, or null if it is missing or not a date we can read. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return null;
        }
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return build(num(m.group(1)), num(m.group(2)), num(m.group(3)), m.group(4), m.group(5), m.group(6),
                        m.group(7), m.group(8));
            }
            m = RFC822.matcher(s);
            if (m.matches() && month(m.group(2)) > 0) {
                return build(year(m.group(3)), month(m.group(2)), num(m.group(1)), m.group(4), m.group(5),
                        m.group(6), null, m.group(7));
            }
            m = MONTH_FIRST.matcher(s);
            if (m.matches() && month(m.group(1)) > 0) {
                return build(num(m.group(3)), month(m.group(1)), num(m.group(2)), m.group(4), m.group(5),
                        m.group(6), null, m.group(7));
            }
            m = ASCTIME.matcher(s);
            if (m.matches() && month(m.group(1)) > 0) {
                return build(num(m.group(7)), month(m.group(1)), num(m.group(2)), m.group(3), m.group(4),
                        m.group(5), null, m.group(6));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;   // a date-shaped string with impossible fields (Feb 30, hour 25)
        }
        return null;
    }

    private static Instant build(int year, int month, int day, String hour, String minute, String second,
                                 String fraction, String zone) {
        int h = hour == null ? 0 : num(hour);
        String rest = zone == null ? "" : zone.strip();
        String ampm = rest.length() >= 2 ? rest.substring(0, 2).toUpperCase(Locale.ROOT) : "";
        if ((ampm.equals("AM") || ampm.equals("PM")) && (rest.length() == 2 || rest.charAt(2) == ' ')) {
            if (h < 1 || h > 12) {
                return null;
            }
            h = ampm.equals("AM") ? h % 12 : h % 12 + 12;
            rest = rest.substring(2);
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, h, minute == null ? 0 : num(minute),
                second == null ? 0 : num(second), fraction == null ? 0 : nanos(fraction));
        ZoneId z = zone(rest);
        if (z == null) {
            return null;
        }
        return local.atZone(z).toInstant();
    }

    /** The zone of the text after the time; null means "unreadable", an absent zone is UTC. */
    static ZoneId zone(String raw) {
        String z = raw == null ? "" : raw.strip();
        if (z.startsWith("(") && z.endsWith(")")) {
            z = z.substring(1, z.length() - 1).strip();
        }
        // "+0200 (CEST)": the numeric part is authoritative
        int paren = z.indexOf('(');
        if (paren > 0) {
            z = z.substring(0, paren).strip();
        }
        if (z.isEmpty()) {
            return ZoneOffset.UTC;
        }
        Integer minutes = ZONES.get(z.toUpperCase(Locale.ROOT));
        if (minutes != null) {
            return ZoneOffset.ofTotalSeconds(minutes * 60);
        }
        Matcher m = NUMERIC_ZONE.matcher(z);
        if (m.matches()) {
            int h = num(m.group(2));
            int min = m.group(3) == null ? 0 : num(m.group(3));
            int total = h * 60 + min;
            return ZoneOffset.ofTotalSeconds(("-".equals(m.group(1)) ? -total : total) * 60);
        }
        if (z.length() == 1 && Character.isLetter(z.charAt(0))) {
            return ZoneOffset.UTC;   // military zone letters: RFC 1123 says treat as -0000, they were always misused
        }
        try {
            return ZoneId.of(z);     // "Europe/Berlin" does occur
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;   // an unknown zone word: the date is still better than none
        }
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() < 3) {
            return 0;
        }
        if (n.startsWith("juin")) {
            return 6;   // French June and July share their first three letters
        }
        if (n.startsWith("juil")) {
            return 7;
        }
        Integer m = MONTHS.get(n.substring(0, 3));
        return m == null ? 0 : m;
    }

    private static int year(String y) {
        int v = num(y);
        if (y.length() == 2) {
            return v < 50 ? 2000 + v : 1900 + v;
        }
        if (y.length() == 3) {
            throw new NumberFormatException("3-digit year " + y);
        }
        return v;
    }

    private static int nanos(String fraction) {
        String f = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(f);
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }
}
