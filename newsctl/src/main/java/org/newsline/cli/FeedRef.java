package org.newsline.cli;

import org.newsline.events.Ids;
import org.newsline.events.InvalidUrlException;

/** A feed as users name it on the command line: its id, or the URL it was subscribed under. */
final class FeedRef {

    private FeedRef() {
    }

    /**
     * The API's "not found" for a feed the user named by URL: the id in it means nothing to them, and the URL
     * may be a site page whose discovered feed has another URL.
     */
    static RuntimeException notFound(String value, ApiClient.ErrorResponse e) {
        if (e.status() != 404 || Ids.isId(value)) {
            return e;
        }
        return new IllegalArgumentException("no feed is subscribed as " + value
                + " (`newsctl feeds --json` lists the feeds' URLs and ids)");
    }

    /** @throws IllegalArgumentException if {@code value} is neither an id nor a valid feed URL */
    static String feedId(String value) {
        if (Ids.isId(value)) {
            return value;
        }
        if (!value.regionMatches(true, 0, "http://", 0, 7) && !value.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("expected a feed id (32 hex characters, see `newsctl feeds`) or a"
                    + " feed URL, got '" + value + "'");
        }
        try {
            return Ids.feedId(value);
        } catch (InvalidUrlException e) {
            throw new IllegalArgumentException("not a valid feed URL: " + value + " (" + e.getMessage() + ")");
        }
    }
}
