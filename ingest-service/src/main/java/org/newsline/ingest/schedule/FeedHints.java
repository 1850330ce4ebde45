package org.newsline.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publisher's hint on how often to poll, from the feed ({@code ttl}, {@code sy:updatePeriod}) and the HTTP
 * response ({@code Cache-Control: max-age}, {@code Expires}, {@code Retry-After}): the longest of them, since each
 * says "not before". Hints beyond {@link #MAX_HINT} are cut to it.
 */
public final class FeedHints {

    public static final Duration MAX_HINT = Duration.ofDays(1);

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,10})");

    private FeedHints() {
    }

    /**
     * The hint from a feed's {@code ttlHint} and the response {@code headers} (lower-case names), or null if none.
     */
    public static Duration of(Duration feedTtl, Map<String, String> headers, Instant now) {
        Duration hint = positive(feedTtl);
        if (headers != null) {
            hint = longer(hint, maxAge(headers.get("cache-control")));
            hint = longer(hint, expires(headers.get("expires"), now));
            hint = longer(hint, org.newsline.ingest.http.RetryAfter.parse(headers.get("retry-after"), now).orElse(null));
        }
        hint = positive(hint);
        return hint == null ? null : hint.compareTo(MAX_HINT) > 0 ? MAX_HINT : hint;
    }

    static Duration maxAge(String cacheControl) {
        if (cacheControl == null) {
            return null;
        }
        String cc = cacheControl.toLowerCase(Locale.ROOT);
        if (cc.contains("no-cache") || cc.contains("no-store")) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(cc);
        Duration best = null;
        while (m.find()) {
            best = longer(best, Duration.ofSeconds(Long.parseLong(m.group(1))));
        }
        return best;
    }

    static Duration expires(String expires, Instant now) {
        if (expires == null || expires.isBlank()) {
            return null;
        }
        try {
            Instant at = ZonedDateTime.parse(expires.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : null;
        } catch (DateTimeParseException e) {
            return null;    // "Expires: 0" and other junk mean "already expired"
        }
    }

    private static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration positive(Duration d) {
        return d == null || d.isZero() || d.isNegative() ? null : d;
    }
}
