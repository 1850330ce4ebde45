package org.newsline.store.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polling intervals as users write them: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, or ISO-8601
 * ({@code PT15M}); between one minute and seven days, so that no feed is hammered or forgotten.
 */
final class IntervalParam {

    static final Duration MIN = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofDays(7);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,7})\\s*([smhdw])");

    private IntervalParam() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    static Duration parse(String value) {
        Duration d;
        Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            d = unit(m.group(2)).multipliedBy(Long.parseLong(m.group(1)));
        } else {
            try {
                d = Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("interval must look like 15m, 2h, 1d or PT15M, was '"
                        + QueryParams.shorten(value) + "'");
            }
        }
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("interval must be between 1m and 7d, was '" + value + "'");
        }
        return d;
    }

    static Duration unit(String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            case "w" -> Duration.ofDays(7);
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
