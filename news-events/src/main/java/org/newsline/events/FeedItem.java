package org.newsline.events;

import java.time.Instant;

/** The fields of one feed entry as the feed gave them. */
public record FeedItem(String title, String link, String guid, Instant published, String author, String summary) {
}
