package org.newsline.store.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.Article;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import org.newsline.runtime.testing.PoisonRecords;
import org.newsline.store.StoreService;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.FeedChange;
import org.newsline.store.db.Fixtures;

/**
 * Poison on each topic the store reads, on a real broker: each record goes to {@code news.dead-letter} with its
 * reason, and a good record behind it is still stored.
 */
@Tag("integration")
class StorePoisonMessageTest {

    static EmbeddedBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.startTemporary();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    /** Sends the poison of {@code topic} and then the good record, runs the store, and checks both. */
    private void poisonThenGood(String prefix, Topic topic, String goodKey, byte[] goodValue,
                                java.util.function.Function<ArticleStore, Boolean> goodStored,
                                java.util.function.Consumer<ArticleStore> before) throws Exception {
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "topic.prefix", prefix, "instance.id", "poison")));
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(60));
        String name = topic.name(prefix);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(PoisonRecords.of(name, goodKey, goodValue));
        records.add(new ProducerRecord<>(name, goodKey, goodValue));
        PoisonRecords.send(clients, records);

        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve(prefix + "db"))) {
            before.accept(store);
            try (StoreService service = new StoreService(clients, store, new SimpleMeterRegistry())) {
                service.start();
                await(() -> goodStored.apply(store), "the good record stored");
                PoisonRecords.assertDeadLettered(clients, name);
                await(() -> store.stats().deadLetters() == 4, "the dead letters archived");
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void poisonOnNewsArticlesIsDeadLetteredAndTheGoodArticleIsStored() throws Exception {
        Article good = Fixtures.article(1, "1.0.0", "The council met about the harbor bridge.", "Mayor Jane Alvarez");
        poisonThenGood("articles.", Topic.ARTICLES, good.articleId(), EventCodec.encode(good),
                store -> store.stats().articles() + store.stats().nonArticles() == 1, store -> { });
    }

    @Test
    void poisonOnNewsRawIsDeadLetteredAndTheGoodPageIsArchived() throws Exception {
        RawPage good = Fixtures.rawPage(2, Fixtures.T0, "<html><body><p>Page two</p></body></html>", false);
        poisonThenGood("raw.", Topic.RAW, good.articleId(), EventCodec.encode(good),
                store -> store.rawPage(good.articleId()).isPresent(), store -> { });
    }

    @Test
    void poisonOnNewsFeedsIsDeadLetteredAndTheGoodSubscriptionIsStored() throws Exception {
        FeedSubscription good = Fixtures.subscription("https://news.example.org/feeds/poison.xml", false);
        poisonThenGood("feeds.", Topic.FEEDS, good.feedId(), EventCodec.encode(good),
                store -> store.feeds().stream().anyMatch(f -> f.feedId().equals(good.feedId())), store -> { });
    }

    @Test
    void poisonOnNewsFeedStateIsDeadLetteredAndTheGoodStateIsStored() throws Exception {
        String url = "https://news.example.org/feeds/state.xml";
        FeedState good = Fixtures.state(url, Fixtures.T0, 0, 200, null);
        poisonThenGood("state.", Topic.FEED_STATE, good.feedId(), EventCodec.encode(good),
                store -> store.feeds().stream().anyMatch(f -> f.feedId().equals(good.feedId())
                        && f.lastPolledAt() != null),
                store -> store.putFeeds(List.of(new FeedChange(good.feedId(), Fixtures.subscription(url, false)))));
    }
}
