package org.newsline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedItem;
import org.newsline.events.FetchRequest;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.events.UrlCanonicalizer;
import org.newsline.ingest.IngestService;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;

/**
 * Pages answered 429 or 503 are fetched again after their Retry-After, not dead-lettered at once: a page throttled
 * twice is published once on the third request, none earlier than the server asked; a page that stays
 * unavailable is dead-lettered after five requests with the answer it kept getting; the host's other pages wait
 * for it and are fetched; and a page put aside when the service stops is fetched after the restart, once.
 */
@Tag("integration")
class FetchRetryAfterTest {

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void throttledPagesAreFetchedAfterTheirRetryAfterAndGiveUpAfterFiveAnswers() throws Exception {
        HostSite busy = site("127.0.0.2")
                .route("/busy.html", (ex, n) -> {
                    if (n <= 2) {
                        HostSite.send(ex, 429, "text/plain", "slow down", "Retry-After", "2");
                    } else {
                        HostSite.page(ex, "busy");
                    }
                })
                .route("/other.html", (ex, n) -> HostSite.page(ex, "other"));
        HostSite down = site("127.0.0.3")
                .route("/down.html", (ex, n) -> HostSite.send(ex, 503, "text/plain", "maintenance", "Retry-After", "1"));
        HostSite later = site("127.0.0.4")
                .route("/later.html", (ex, n) -> {
                    if (n == 1) {
                        HostSite.send(ex, 503, "text/plain", "back soon", "Retry-After", "3");
                    } else {
                        HostSite.page(ex, "later");
                    }
                });
        EmbeddedBroker broker = EmbeddedBroker.startTemporary();
        open.add(broker);
        NewslineConfig config = NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "data.dir", dataDir.toString(), "topic.partitions", "3", "fetch.allow.private.addresses", "true",
                "fetch.host.delay", "0ms", "fetch.host.concurrency", "2"));
        KafkaClients clients = new KafkaClients(config);
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));

        IngestService first = new IngestService(clients, new SimpleMeterRegistry()).start();
        request(clients, busy.url("/busy.html"), busy.url("/other.html"), down.url("/down.html"),
                later.url("/later.html"));
        // stop while the page of the third host is put aside (its Retry-After is 3 s), then start again
        IngestTopics.await("the first request of /later.html", Duration.ofSeconds(30),
                () -> later.hits("/later.html").size(), n -> n >= 1);
        first.close();
        assertThat(later.hits("/later.html")).hasSize(1);
        IngestService second = new IngestService(clients, new SimpleMeterRegistry()).start();
        open.add(second);

        List<RawPage> raw = IngestTopics.await("three pages published", Duration.ofSeconds(60),
                () -> IngestTopics.read(clients, Topic.RAW).stream()
                        .map(r -> EventCodec.decode(r.value(), RawPage.class)).toList(), l -> l.size() >= 3);
        List<DeadLetter> dead = IngestTopics.await("the page that stays down dead-lettered", Duration.ofSeconds(60),
                () -> IngestTopics.read(clients, Topic.DEAD_LETTER).stream()
                        .map(r -> EventCodec.decode(r.value(), DeadLetter.class)).toList(), l -> !l.isEmpty());
        Thread.sleep(1500); // anything extra would show now

        raw = IngestTopics.read(clients, Topic.RAW).stream().map(r -> EventCodec.decode(r.value(), RawPage.class))
                .toList();
        assertThat(raw).extracting(RawPage::articleId).containsExactlyInAnyOrder(
                Ids.articleId(busy.url("/busy.html")), Ids.articleId(busy.url("/other.html")),
                Ids.articleId(later.url("/later.html")));
        assertThat(busy.hits("/busy.html")).hasSize(3);
        assertGaps(busy.hits("/busy.html"), Duration.ofSeconds(2));
        assertThat(busy.hits("/other.html")).hasSize(1);
        assertThat(later.hits("/later.html")).as("fetched again after the restart, once").hasSize(2);
        assertGaps(later.hits("/later.html"), Duration.ofSeconds(3));

        dead = IngestTopics.read(clients, Topic.DEAD_LETTER).stream()
                .map(r -> EventCodec.decode(r.value(), DeadLetter.class)).toList();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("fetch");
            assertThat(d.error()).contains("HTTP 503 with Retry-After 1 s").contains("5 times")
                    .contains(down.url("/down.html"));
        });
        assertThat(down.hits("/down.html")).hasSize(5);
        assertGaps(down.hits("/down.html"), Duration.ofSeconds(1));
    }

    /** No request came sooner after the one before than the server's Retry-After. */
    private static void assertGaps(List<HostSite.Hit> hits, Duration retryAfter) {
        for (int i = 1; i < hits.size(); i++) {
            // Retry-After is whole seconds; allow the clock's rounding of a millisecond
            assertThat(Duration.between(hits.get(i - 1).at(), hits.get(i).at()))
                    .as("gap before request %d", i + 1).isGreaterThanOrEqualTo(retryAfter.minusMillis(5));
        }
    }

    private HostSite site(String address) throws Exception {
        HostSite site = new HostSite(address);
        open.add(site);
        return site;
    }

    private static void request(KafkaClients clients, String... urls) throws Exception {
        try (KafkaProducer<String, byte[]> p = clients.producer(null)) {
            for (String url : urls) {
                FetchRequest r = FetchRequest.of(url, Ids.feedId("http://feeds.example/f.xml"),
                        new FeedItem(url, url, url, Instant.now(), null, null), Instant.now());
                p.send(new ProducerRecord<>(Topic.FETCH.baseName(), UrlCanonicalizer.canonicalHost(url),
                        EventCodec.encode(r))).get();
            }
        }
    }
}
