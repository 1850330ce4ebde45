package org.newsline.store.api;

/** No feed is subscribed under the given id or URL. */
public class UnknownFeedException extends RuntimeException {
    private final String feed;

    public UnknownFeedException(String feed) {
        super("no feed is subscribed as " + feed);
        this.feed = feed;
    }

    public String feed() {
        return feed;
    }
}
