package org.newsline.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import org.newsline.events.FeedItem;

/**
 * Caps the length of item fields. An item travels on {@code news.fetch} and {@code news.raw}, whose records Kafka
 * limits to about 1 MB; a feed that puts a whole book into {@code content:encoded} must not make them unsendable.
 * A link too long to be a real URL is dropped rather than cut, since a cut link points elsewhere.
 */
final class ItemLimits {

    static final int MAX_SUMMARY = 64 * 1024;
    static final int MAX_TITLE = 2_000;
    static final int MAX_AUTHOR = 500;
    static final int MAX_GUID = 2_000;
    static final int MAX_LINK = 8_000;

    private ItemLimits() {
    }

    static List<FeedItem> apply(List<FeedItem> items, DefectLog defects) {
        List<FeedItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            FeedItem it = items.get(i);
            String where = "item " + (i + 1);
            String link = it.link();
            if (link != null && link.length() > MAX_LINK) {
                defects.add("item link longer than " + MAX_LINK + " characters dropped", where);
                link = null;
            }
            out.add(new FeedItem(cut(it.title(), MAX_TITLE, "title", where, defects), link,
                    cut(it.guid(), MAX_GUID, "guid", where, defects), it.published(),
                    cut(it.author(), MAX_AUTHOR, "author", where, defects),
                    cut(it.summary(), MAX_SUMMARY, "summary", where, defects)));
        }
        return out;
    }

    private static String cut(String s, int max, String field, String where, DefectLog defects) {
        if (s == null || s.length() <= max) {
            return s;
        }
        defects.add("item " + field + " cut to " + max + " characters", where);
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
