package org.newsline.store.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.newsline.events.Article;
import org.newsline.events.EventCodec;
import org.newsline.events.Statement;
import org.newsline.store.db.ArticleQuery;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.Page;

/**
 * Stored articles (pages that are not articles too), newest first, each read whole with its statements: a
 * replay of articles publishes each one as on {@code news.articles}; a replay of statements publishes its
 * statements one by one in text order, as extract did. One article's records are consecutive in one
 * transaction under its key, so per article they keep their original order.
 */
final class ArticleSource implements ReplaySource {

    static final int CHUNK = 100;

    private final ArticleStore store;
    private final ReplaySpec spec;
    private final String topic;
    private final List<String> feeds;

    ArticleSource(ArticleStore store, ReplaySpec spec, String topicPrefix) {
        this.store = store;
        this.spec = spec;
        this.topic = spec.toTopic() != null ? spec.toTopic() : spec.kind().defaultTopic().name(topicPrefix);
        this.feeds = spec.feeds().isEmpty() ? Arrays.asList((String) null) : spec.feeds();
    }

    private ArticleQuery query(int feed, int limit, String cursor) {
        return new ArticleQuery(null, feeds.get(feed), spec.since(), spec.until(), null, null, null, limit, cursor);
    }

    @Override
    public long count() {
        long n = 0;
        for (int f = 0; f < feeds.size(); f++) {
            String cursor = null;
            do {
                Page<Article> page = store.articles(query(f, 500, cursor));
                n += page.items().size();
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return n;
    }

    @Override
    public Chunk next(Position position) {
        Page<Article> page = store.articles(query(position.feed(), CHUNK, position.cursor()));
        List<ReplayRecord> records = new ArrayList<>();
        long skipped = 0;
        for (Article listed : page.items()) {
            Optional<Article> full = store.article(listed.articleId());
            if (full.isEmpty()) {
                skipped++; // taken down since it was listed
                continue;
            }
            Article a = full.get();
            if (spec.kind() == ReplayKind.ARTICLES) {
                records.add(new ReplayRecord(topic, a.articleId(), EventCodec.encode(a)));
            } else {
                for (Statement s : a.statements()) { // already in index (text) order
                    records.add(new ReplayRecord(topic, a.articleId(), EventCodec.encode(s)));
                }
            }
        }
        return new Chunk(records, page.items().size(), skipped, position.next(page.nextCursor(), feeds.size()));
    }
}
