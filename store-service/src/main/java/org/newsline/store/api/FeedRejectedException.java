package org.newsline.store.api;

/** A URL that cannot be subscribed, with the reason a user can act on. */
public class FeedRejectedException extends RuntimeException {

    /** Why a feed URL was refused. */
    public enum Reason {
        /** Not an absolute http(s) URL. */
        INVALID_URL,
        /** The fetch policy forbids it (private or loopback address, robots.txt, blocked host). */
        NOT_ALLOWED,
        /** No answer, or an HTTP error status. */
        UNREACHABLE,
        /** It answered, but with neither RSS nor Atom (and no feed was discovered on the page). */
        NOT_A_FEED
    }

    private final String url;
    private final Reason reason;

    public FeedRejectedException(String url, Reason reason, String message) {
        super(message);
        this.url = url;
        this.reason = reason;
    }

    public String url() {
        return url;
    }

    public Reason reason() {
        return reason;
    }
}
