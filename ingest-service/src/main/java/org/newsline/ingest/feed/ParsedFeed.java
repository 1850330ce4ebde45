package org.newsline.ingest.feed;

import java.time.Duration;
import java.util.List;
import org.newsline.events.FeedItem;

/**
 * A feed as read: its title and site, its items in feed order, the publisher's hint on how often to poll, and
 * the defects met while reading it.
 *
 * @param title   the feed's title, or null
 * @param siteUrl the site the feed belongs to (absolute), or null
 * @param items   the items in feed order; links absolute (http/https) or null
 * @param ttlHint RSS {@code ttl} or {@code sy:updatePeriod}/{@code sy:updateFrequency}, or null
 * @param defects what was wrong but repaired or ignored (an undeclared entity, a wrong charset, a date in the future)
 */
public record ParsedFeed(String title, String siteUrl, List<FeedItem> items, Duration ttlHint,
                         List<String> defects) {

    public ParsedFeed {
        items = items == null ? List.of() : List.copyOf(items);
        defects = defects == null ? List.of() : List.copyOf(defects);
    }
}
