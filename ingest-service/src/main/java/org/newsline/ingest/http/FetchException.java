package org.newsline.ingest.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** A fetch that did not give a usable response, with the reason a caller can act on. */
public class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the fetch failed. */
    public enum Kind {
        /** Not an absolute http/https URL with a host (also {@code file:}, {@code ftp:}, {@code javascript:}). */
        INVALID_URL,
        /** The host resolves to a loopback, private, link-local, multicast or otherwise internal address. */
        BLOCKED_ADDRESS,
        /** DNS failed or the connection was refused or reset. */
        UNREACHABLE,
        /** Connect, read or total timeout. */
        TIMEOUT,
        /** The body (on the wire or decoded) exceeded the policy's limit. */
        TOO_LARGE,
        /** More redirects than the policy allows, or a redirect loop. */
        TOO_MANY_REDIRECTS,
        /** The server answered 4xx or 5xx; see {@link #status()} and {@link #retryAfter()}. */
        HTTP_ERROR,
        /** robots.txt disallows the URL for our User-Agent. */
        NOT_ALLOWED_BY_ROBOTS,
        /** The server broke HTTP: malformed status line, headers, chunking or content encoding. */
        PROTOCOL
    }

    private final Kind kind;
    private final String url;
    private final Integer status;
    private final Duration retryAfter;

    public FetchException(Kind kind, String url, String message) {
        this(kind, url, message, null, null, null);
    }

    public FetchException(Kind kind, String url, String message, Throwable cause) {
        this(kind, url, message, null, null, cause);
    }

    public FetchException(Kind kind, String url, String message, Integer status, Duration retryAfter,
                          Throwable cause) {
        super(kind + ": " + message + " (" + url + ")", cause);
        this.kind = kind;
        this.url = url;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The URL that failed (for redirects, the hop that failed). */
    public String url() {
        return url;
    }

    /** The HTTP status for {@link Kind#HTTP_ERROR}, else null. */
    public Integer status() {
        return status;
    }

    /** The server's {@code Retry-After}, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True for failures worth retrying soon: timeouts, unreachable hosts, 429 and 5xx. */
    public boolean isTransient() {
        return switch (kind) {
            case TIMEOUT, UNREACHABLE -> true;
            case HTTP_ERROR -> status != null && (status == 429 || status == 408 || status >= 500);
            default -> false;
        };
    }
}
