package org.newsline.ingest.feed;

import static org.newsline.ingest.feed.FeedElements.first;
import static org.newsline.ingest.feed.FeedElements.text;

import java.time.Duration;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** The feed's own polling hint: RSS {@code ttl} (minutes) or {@code sy:updatePeriod}/{@code sy:updateFrequency}. */
final class TtlHint {

    private static final Namespace SY = Namespace.getNamespace("http://purl.org/rss/1.0/modules/syndication/");

    private TtlHint() {
    }

    static Duration of(Element channel, Element root) {
        Duration ttl = null;
        String minutes = text(first(channel, "ttl"));
        if (minutes != null && minutes.matches("\\d{1,7}")) {
            ttl = Duration.ofMinutes(Long.parseLong(minutes));
        }
        Element period = first(channel, "updatePeriod", SY);
        if (period == null) {
            period = first(root, "updatePeriod", SY);
        }
        if (period != null) {
            Duration p = switch (period.getTextTrim().toLowerCase(Locale.ROOT)) {
                case "hourly" -> Duration.ofHours(1);
                case "daily" -> Duration.ofDays(1);
                case "weekly" -> Duration.ofDays(7);
                case "monthly" -> Duration.ofDays(30);
                case "yearly" -> Duration.ofDays(365);
                default -> null;
            };
            Element freqElement = first(channel, "updateFrequency", SY);
            if (freqElement == null) {
                freqElement = first(root, "updateFrequency", SY);
            }
            String freq = text(freqElement);
            long f = freq != null && freq.matches("\\d{1,6}") ? Math.max(1, Long.parseLong(freq)) : 1;
            if (p != null) {
                Duration hint = p.dividedBy(f);
                ttl = ttl == null || hint.compareTo(ttl) > 0 ? hint : ttl;
            }
        }
        return ttl == null || ttl.isZero() ? null : ttl;
    }
}
