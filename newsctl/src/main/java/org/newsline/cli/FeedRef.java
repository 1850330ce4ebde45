package org.newsline.cli;

import org.newsline.events.Ids;
import org.newsline.events.InvalidUrlException;

/** A feed as users name it on the command line: its id, or the URL it was subscribed under. */
final class FeedRef {

    private FeedRef() {
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
