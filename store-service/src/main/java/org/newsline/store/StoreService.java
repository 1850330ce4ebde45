package org.newsline.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsline.events.Article;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.EventDecodingException;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.BatchProcessor;
import org.newsline.runtime.kafka.InstanceId;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.Output;
import org.newsline.runtime.kafka.TransactionalLoop;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.FeedChange;

/**
 * The store stage: consumes {@code news.articles}, {@code news.raw}, {@code news.feeds},
 * {@code news.feed-state} and {@code news.dead-letter} (read committed, in batches) into the database. Each
 * batch is written to the database first; only then are its offsets committed (in a Kafka transaction with
 * any dead letters), so a crash between the two redelivers the batch, which the idempotent upserts absorb.
 */
public final class StoreService implements BatchProcessor, AutoCloseable {

    public static final String GROUP = "newsline-store";
    /**
     * Records per database batch at most. A raw page is some 170 KB of JSON and twice that decoded; 500 of them
     * (batch.size) held about 250 MB of heap at once, while 128 still spread the transaction's fixed cost thin.
     */
    static final int MAX_BATCH = 128;

    private final ArticleStore store;
    private final String prefix;
    private final TransactionalLoop loop;

    public StoreService(KafkaClients clients, ArticleStore store, MeterRegistry metrics) {
        this.store = store;
        this.prefix = clients.config().topicPrefix();
        this.loop = new TransactionalLoop("store", clients, GROUP,
                "newsline-store-" + InstanceId.of(clients.config()),
                List.of(Topic.ARTICLES, Topic.RAW, Topic.FEEDS, Topic.FEED_STATE, Topic.DEAD_LETTER), this, metrics)
                .capBatch(MAX_BATCH);
    }

    public StoreService start() {
        loop.start();
        return this;
    }

    public TransactionalLoop loop() {
        return loop;
    }

    @Override
    public void process(List<ConsumerRecord<String, byte[]>> records, Output out) {
        List<Article> articles = new ArrayList<>();
        List<RawPageUtf8> raw = new ArrayList<>();
        List<FeedChange> feeds = new ArrayList<>();
        List<FeedState> states = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Topic topic = Topic.byName(r.topic(), prefix).orElse(null);
            try {
                if (topic == Topic.ARTICLES) {
                    Article a = EventCodec.decode(r.value(), Article.class);
                    checkKey(r, a.articleId());
                    articles.add(a);
                } else if (topic == Topic.RAW) {
                    RawPageUtf8 p = EventCodec.decodeRawPage(r.value()); // the body stays UTF-8 bytes
                    checkKey(r, p.page().articleId());
                    raw.add(p);
                } else if (topic == Topic.FEEDS) {
                    if (r.key() == null) {
                        throw new EventDecodingException("subscription without a key");
                    }
                    FeedSubscription s = r.value() == null ? null : EventCodec.decode(r.value(), FeedSubscription.class);
                    if (s != null) {
                        checkKey(r, s.feedId());
                    }
                    feeds.add(new FeedChange(r.key(), s));
                } else if (topic == Topic.FEED_STATE) {
                    FeedState s = EventCodec.decode(r.value(), FeedState.class);
                    checkKey(r, s.feedId());
                    states.add(s);
                } else if (topic == Topic.DEAD_LETTER) {
                    deadLetters.add(EventCodec.decode(r.value(), DeadLetter.class));
                }
            } catch (EventDecodingException e) {
                if (topic == Topic.DEAD_LETTER) {
                    continue; // never dead-letter a dead letter
                }
                out.deadLetter(r, e.getMessage());
            }
        }
        // the database is written before the offsets commit; an exception here retries the whole batch
        if (!feeds.isEmpty()) {
            store.putFeeds(feeds);
        }
        if (!states.isEmpty()) {
            store.putFeedStates(states);
        }
        if (!raw.isEmpty()) {
            store.archiveRawPages(raw);
        }
        if (!articles.isEmpty()) {
            store.putArticles(articles);
        }
        if (!deadLetters.isEmpty()) {
            store.putDeadLetters(deadLetters);
        }
    }

    private static void checkKey(ConsumerRecord<String, byte[]> r, String id) {
        if (!id.equals(r.key())) {
            throw new EventDecodingException("wrong key '" + r.key() + "': the value's id is '" + id + "'");
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
