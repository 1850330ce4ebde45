package org.newsline.events;

/** A URL that cannot identify an article or feed: not http(s), no host, or unparseable. */
public class InvalidUrlException extends IllegalArgumentException {
    private final String url;

    public InvalidUrlException(String url, String reason) {
        super(reason + ": " + url);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
