package org.newsline.store.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsline.events.Ids;
import org.newsline.events.InvalidUrlException;
import org.newsline.events.StatementKind;
import org.newsline.runtime.http.ApiException;
import org.newsline.store.db.Limits;

/**
 * The query parameters of one request, each validated with a 400 that names the parameter and says what is
 * wrong. An empty value counts as absent.
 */
final class QueryParams {

    static final int MAX_TEXT = 500;
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2000;
    static final int MAX_CURSOR = 1000;

    private static final Pattern POSITIVE_INT = Pattern.compile("\\+?[0-9]{1,12}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private final Context ctx;
    private final Clock clock;

    QueryParams(Context ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    /** {@code limit}: default 50, capped at 500; anything but a positive integer is refused. */
    int limit() {
        String raw = raw("limit", 20);
        if (raw == null) {
            return Limits.DEFAULT_LIMIT;
        }
        if (!POSITIVE_INT.matcher(raw).matches() || Long.parseLong(raw.replace("+", "")) < 1) {
            throw ApiException.badRequest("limit must be a positive integer (at most " + Limits.MAX_LIMIT
                    + " are returned), was '" + raw + "'");
        }
        return (int) Math.min(Long.parseLong(raw.replace("+", "")), Limits.MAX_LIMIT);
    }

    /** Free text, at most {@code max} characters, without control characters. */
    String text(String name, int max) {
        return raw(name, max);
    }

    String cursor() {
        return raw("cursor", MAX_CURSOR);
    }

    Instant time(String name) {
        String raw = raw(name, 64);
        if (raw == null) {
            return null;
        }
        try {
            return TimeParam.parse(raw, clock.instant());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " " + e.getMessage() + ", was '" + raw + "'");
        }
    }

    StatementKind kind() {
        String raw = raw("kind", 20);
        if (raw == null) {
            return null;
        }
        for (StatementKind k : StatementKind.values()) {
            if (k.wireName().equals(raw.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw ApiException.badRequest("kind must be one of direct, indirect, mixed, was '" + raw + "'");
    }

    String language() {
        String raw = raw("language", 35);
        if (raw != null && !LANGUAGE.matcher(raw).matches()) {
            throw ApiException.badRequest("language must be a language tag such as en or en-GB, was '" + raw + "'");
        }
        return raw;
    }

    /** {@code feed}: a feed id, or the URL of a feed (turned into its id). */
    String feedId() {
        String raw = raw("feed", MAX_URL);
        return raw == null ? null : feedIdOf("feed", raw);
    }

    /** {@code isArticle}: true (default), false, or any. */
    Boolean isArticle() {
        String raw = raw("isArticle", 10);
        if (raw == null || raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("any")) {
            return null;
        }
        throw ApiException.badRequest("isArticle must be true, false or any, was '" + raw + "'");
    }

    static String feedIdOf(String name, String value) {
        if (Ids.isId(value)) {
            return value;
        }
        if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                return Ids.feedId(value);
            } catch (InvalidUrlException e) {
                throw ApiException.badRequest(name + " is not a valid URL: " + e.getMessage());
            }
        }
        throw ApiException.badRequest(name + " must be a feed id (32 hex characters) or a feed URL, was '"
                + shorten(value) + "'");
    }

    private String raw(String name, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return checked(name, value, max);
    }

    /** Rejects oversized values and control characters, which no legitimate value contains. */
    static String checked(String name, String value, int max) {
        if (value.length() > max) {
            throw ApiException.badRequest(name + " is too long (" + value.length() + " characters, at most "
                    + max + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ApiException.badRequest(name + " contains a control character");
            }
        }
        return value;
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
