package org.newsline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.FeedState;
import org.newsline.ingest.IngestService;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;

/**
 * The poller's producer is fenced (what a successor with the same instance id does first, or what a broker restart
 * can leave behind): its next transaction fails, and the poller starts over with a new producer and consumer
 * instead of stopping for good, so a feed subscribed afterwards is still polled.
 */
@Tag("integration")
class PollerFencingTest {

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
    void aFencedPollerStartsOverAndGoesOnPolling() throws Exception {
        HostSite site = new HostSite("127.0.0.2");
        open.add(site);
        for (String feed : List.of("/before.xml", "/after.xml")) {
            String item = site.url(feed.replace(".xml", "-1.html"));
            site.route(feed, (ex, n) -> HostSite.send(ex, 200, "application/rss+xml", "<?xml version=\"1.0\"?>"
                    + "<rss version=\"2.0\"><channel><title>Feed</title><link>" + site.url("/") + "</link>"
                    + "<item><title>One</title><link>" + item + "</link></item></channel></rss>"));
        }
        EmbeddedBroker broker = EmbeddedBroker.startTemporary();
        open.add(broker);
        NewslineConfig config = NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "data.dir", dataDir.toString(), "instance.id", "fence", "topic.partitions", "1",
                "fetch.allow.private.addresses", "true", "fetch.host.delay", "0ms"));
        KafkaClients clients = new KafkaClients(config);
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));
        String before = IngestTopics.subscribe(clients, site.url("/before.xml"), Duration.ofMinutes(30)).feedId();
        IngestService ingest = new IngestService(clients, new SimpleMeterRegistry()).startPollerOnly();
        open.add(ingest);
        IngestTopics.await("the first feed polled", Duration.ofSeconds(60), () -> IngestTopics.states(clients),
                s -> s.containsKey(before));

        try (KafkaProducer<String, byte[]> intruder = clients.producer("newsline-ingest-poller-fence")) {
            intruder.initTransactions();
        }
        String after = IngestTopics.subscribe(clients, site.url("/after.xml"), Duration.ofMinutes(30)).feedId();

        Map<String, FeedState> states = IngestTopics.await("the feed subscribed after the fencing polled and its "
                + "result written", Duration.ofSeconds(60), () -> IngestTopics.states(clients), s -> s.containsKey(after));
        assertThat(states.get(before).lastStatus()).isEqualTo(200);
        assertThat(states.get(after).lastStatus()).isEqualTo(200);
        assertThat(site.hits("/after.xml")).as("requests of the feed subscribed after the fencing").isNotEmpty();
    }
}
