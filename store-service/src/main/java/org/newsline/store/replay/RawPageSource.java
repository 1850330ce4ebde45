package org.newsline.store.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.newsline.events.EventCodec;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Topic;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.Page;
import org.newsline.store.db.RawPageSummary;
import org.newsline.store.db.RawQuery;

/**
 * Archived raw pages, newest fetch first (the store's listing order), each re-published to {@code news.raw}
 * with {@code replay: true} so that extract runs again and the store does not archive it a second time.
 */
final class RawPageSource implements ReplaySource {

    static final int CHUNK = 50;

    private final ArticleStore store;
    private final ReplaySpec spec;
    private final String topic;
    private final List<String> feeds;

    RawPageSource(ArticleStore store, ReplaySpec spec, String topicPrefix) {
        this.store = store;
        this.spec = spec;
        this.topic = Topic.RAW.name(topicPrefix);
        this.feeds = spec.feeds().isEmpty() ? Arrays.asList((String) null) : spec.feeds();
    }

    private RawQuery query(int feed, int limit, String cursor) {
        return new RawQuery(spec.since(), spec.until(), feeds.get(feed), spec.urlPrefix(), limit, cursor);
    }

    @Override
    public long count() {
        long n = 0;
        for (int f = 0; f < feeds.size(); f++) {
            String cursor = null;
            do {
                Page<RawPageSummary> page = store.rawPages(query(f, 500, cursor));
                n += page.items().size();
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return n;
    }

    @Override
    public Chunk next(Position position) {
        Page<RawPageSummary> page = store.rawPages(query(position.feed(), CHUNK, position.cursor()));
        // one query for the chunk's bodies; the listing's order is kept (it is the order of the checkpoint)
        Map<String, RawPageUtf8> bodies = new HashMap<>();
        for (RawPageUtf8 p : store.rawPagesUtf8(page.items().stream().map(RawPageSummary::articleId).toList())) {
            bodies.put(p.page().articleId(), p);
        }
        List<ReplayRecord> records = new ArrayList<>(page.items().size());
        long skipped = 0;
        for (RawPageSummary summary : page.items()) {
            RawPageUtf8 raw = bodies.get(summary.articleId());
            if (raw == null) {
                skipped++; // taken down or expired since it was listed
                continue;
            }
            // the archived UTF-8 bytes go into the record as they are: never decoded to a String and back
            records.add(new ReplayRecord(topic, summary.articleId(),
                    EventCodec.encodeRawPage(raw.page().asReplay(), raw.body())));
        }
        return new Chunk(records, page.items().size(), skipped, position.next(page.nextCursor(), feeds.size()));
    }
}
