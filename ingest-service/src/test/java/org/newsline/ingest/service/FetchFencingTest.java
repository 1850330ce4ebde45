package org.newsline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedItem;
import org.newsline.events.FetchRequest;
import org.newsline.events.Ids;
import org.newsline.events.Topic;
import org.newsline.events.UrlCanonicalizer;
import org.newsline.ingest.IngestService;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;

/**
 * The fetcher's producer is fenced while a batch of pages is being fetched: that batch is aborted, the fetcher
 * starts over from the committed offsets, fetches the pages again and publishes each once; and
 * {@code newsline.pages.fetched} counts each page once, when its batch commits, not the aborted batch's pages.
 */
@Tag("integration")
class FetchFencingTest {

    private static final int PAGES = 6;

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
    void aFencedFetcherPublishesAndCountsEachPageOnce() throws Exception {
        CountDownLatch slowPageAsked = new CountDownLatch(1);
        CountDownLatch fenced = new CountDownLatch(1);
        HostSite site = new HostSite("127.0.0.2");
        open.add(site);
        // the first request of the slow page is answered only once the fetcher's producer has been fenced
        site.route("/slow.html", (ex, n) -> {
            if (n == 1) {
                slowPageAsked.countDown();
                try {
                    fenced.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            HostSite.page(ex, "slow");
        });
        for (int i = 1; i < PAGES; i++) {
            site.route("/p" + i + ".html", (ex, n) -> HostSite.page(ex, "page"));
        }
        EmbeddedBroker broker = EmbeddedBroker.startTemporary();
        open.add(broker);
        NewslineConfig config = NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "data.dir", dataDir.toString(), "instance.id", "fence", "topic.partitions", "1",
                "fetch.allow.private.addresses", "true", "fetch.host.delay", "0ms",
                "fetch.host.concurrency", String.valueOf(PAGES)));
        KafkaClients clients = new KafkaClients(config);
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));
        List<String> urls = new ArrayList<>();
        urls.add(site.url("/slow.html"));
        for (int i = 1; i < PAGES; i++) {
            urls.add(site.url("/p" + i + ".html"));
        }
        // all requested before the fetcher starts, so they come in its first batch
        request(clients, urls);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        IngestService ingest = new IngestService(clients, metrics).start();
        open.add(ingest);
        assertThat(slowPageAsked.await(60, TimeUnit.SECONDS)).as("the slow page was asked for").isTrue();
        IngestTopics.await("the other pages of the batch fetched", Duration.ofSeconds(30),
                () -> site.hits().size(), n -> n >= PAGES - 1);
        // what a successor with the same instance id does first: fences the fetcher's producer
        try (KafkaProducer<String, byte[]> intruder = clients.producer("newsline-ingest-fetcher-fence")) {
            intruder.initTransactions();
        }
        fenced.countDown();

        List<ConsumerRecord<String, byte[]>> raw = IngestTopics.await("every page published",
                Duration.ofSeconds(90), () -> IngestTopics.read(clients, Topic.RAW), l -> l.size() >= PAGES);
        Thread.sleep(2000); // a page published twice would show now
        raw = IngestTopics.read(clients, Topic.RAW);
        assertThat(raw).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(urls.stream().map(Ids::articleId).toList());
        assertThat(site.hits("/p1.html")).as("the aborted batch's pages are fetched again").hasSize(2);
        assertThat(metrics.counter("newsline.loop.restarts", "stage", "fetch").count()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.counter("newsline.pages.fetched").count()).as("pages fetched, counted on commit")
                .isEqualTo(PAGES);
    }

    private static void request(KafkaClients clients, List<String> urls) throws Exception {
        try (KafkaProducer<String, byte[]> p = clients.producer(null)) {
            for (String url : urls) {
                FetchRequest r = FetchRequest.of(url, Ids.feedId("http://feeds.example/f.xml"),
                        new FeedItem(url, url, url, Instant.now(), null, null), Instant.now());
                p.send(new ProducerRecord<>(Topic.FETCH.baseName(), UrlCanonicalizer.canonicalHost(url),
                        EventCodec.encode(r)));
            }
            p.flush();
        }
    }
}
