package org.newsline.cli.opml;

/** The file is not well-formed OPML; the message says where and why. */
public final class OpmlException extends Exception {
    public OpmlException(String message, Throwable cause) {
        super(message, cause);
    }

    public OpmlException(String message) {
        super(message);
    }
}
