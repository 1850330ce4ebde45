package org.newsline.ingest.feed;

/**
 * A body that cannot be read as a feed at all, with a message a user can act on: {@code "not a feed: HTML
 * page"}, {@code "malformed XML at line 3: ..."}. Defects that still let the feed be read are not exceptions;
 * they are listed in {@link ParsedFeed#defects()}.
 */
public class FeedParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
