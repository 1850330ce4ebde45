package org.newsline.ingest.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedItem;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.FetchRequest;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.events.UrlCanonicalizer;
import org.newsline.ingest.IngestService;
import org.newsline.ingest.http.LoopbackServer;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import org.newsline.runtime.testing.PoisonRecords;

/**
 * Poison on the topics ingest reads, on a real broker: each record goes to {@code news.dead-letter} with its
 * reason, and a good record behind it is still processed.
 */
@Tag("integration")
class IngestPoisonMessageTest {

    static EmbeddedBroker broker;
    static LoopbackServer site;

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.startTemporary();
        site = new LoopbackServer();
        site.serve("/article.html", "text/html; charset=utf-8",
                "<html><head><title>A page</title></head><body><article><p>Some text.</p></article></body></html>");
        site.serve("/feed.xml", "application/rss+xml; charset=utf-8", "<?xml version=\"1.0\"?><rss version=\"2.0\">"
                + "<channel><title>Poison test feed</title><link>" + site.url("/") + "</link><description>d</description>"
                + "<item><title>One</title><link>" + site.url("/article.html") + "</link></item></channel></rss>");
    }

    @AfterAll
    static void stop() {
        site.close();
        broker.close();
    }

    @AfterEach
    void stopServices() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    private KafkaClients clients(String prefix) {
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "topic.prefix", prefix,
                "data.dir", dataDir.toString(), "instance.id", "poison-" + prefix,
                "fetch.allowed.hosts", site.hostPort(), "fetch.host.delay", "10ms",
                "poll.min.interval", "1s", "poll.max.interval", "2s")));
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(60));
        return clients;
    }

    private void startIngest(KafkaClients clients) {
        IngestService service = new IngestService(clients, new SimpleMeterRegistry()).start();
        running.add(service);
    }

    @Test
    void poisonOnNewsFeedsIsDeadLetteredOnceAndTheGoodSubscriptionIsPolled() throws Exception {
        KafkaClients clients = clients("feeds.");
        String topic = Topic.FEEDS.name("feeds.");
        FeedSubscription good = FeedSubscription.of(site.url("/feed.xml"), null, List.of(), null, Instant.now());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(
                PoisonRecords.of(topic, good.feedId(), EventCodec.encode(good)));
        records.add(new ProducerRecord<>(topic, good.feedId(), EventCodec.encode(good)));
        PoisonRecords.send(clients, records);

        startIngest(clients);

        assertThat(PoisonRecords.read(clients, Topic.FEED_STATE, 1, r -> r.key().equals(good.feedId())))
                .as("the good feed was polled").isNotEmpty();
        assertThat(PoisonRecords.read(clients, Topic.FETCH, 1, r -> true)).as("its item requested").hasSize(1);
        PoisonRecords.assertDeadLettered(clients, topic);

        // the subscriptions are re-read from the beginning on restart: the poison must not be dead-lettered again
        running.remove(0).close();
        startIngest(clients);
        PoisonRecords.send(clients, List.of(new ProducerRecord<>(topic, "later", "{".getBytes())));
        assertThat(PoisonRecords.read(clients, Topic.DEAD_LETTER, 5, r -> true)).hasSize(5);
        // the restarted poller has read the poison again by the time the later letter is out; give stragglers time
        assertThat(PoisonRecords.read(clients, Topic.DEAD_LETTER, 6, r -> true, Duration.ofSeconds(5)))
                .as("one more letter, no repeats").hasSize(5);
    }

    @Test
    void poisonOnNewsFetchIsDeadLetteredAndTheGoodRequestIsFetched() throws Exception {
        KafkaClients clients = clients("fetch.");
        String topic = Topic.FETCH.name("fetch.");
        String url = site.url("/article.html");
        FetchRequest good = FetchRequest.of(url, "feed", new FeedItem("One", url, null, null, null, null),
                Instant.now());
        String host = UrlCanonicalizer.canonicalHost(url);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(
                PoisonRecords.of(topic, host, EventCodec.encode(good)));
        records.add(new ProducerRecord<>(topic, host, EventCodec.encode(good)));
        PoisonRecords.send(clients, records);

        startIngest(clients);

        List<RawPage> pages = PoisonRecords.read(clients, Topic.RAW, 1, r -> true).stream()
                .map(r -> EventCodec.decode(r.value(), RawPage.class)).toList();
        assertThat(pages).extracting(RawPage::articleId).containsExactly(good.articleId());
        PoisonRecords.assertDeadLettered(clients, topic);
    }
}
