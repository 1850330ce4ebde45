package org.newsline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedSubscription;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.ingest.IngestService;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;

/**
 * The ingest service on a real broker against feeds and pages served on loopback: every item fetched and
 * published once, the same article through two feeds once, transient failures (502) retried, permanent ones dead-
 * lettered, and a restart that neither loses nor repeats anything.
 */
@Tag("integration")
class IngestServiceTest {

    static EmbeddedBroker broker;
    static HttpServer server;
    static final List<String> items = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.startTemporary();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", IngestServiceTest::handle);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        broker.close();
    }

    static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            if (path.equals("/feed.xml")) {
                send(ex, 200, "application/rss+xml", rss(items));
            } else if (path.equals("/other.xml")) {
                // the first item again, spelled as another feed links it
                String first = items.get(0).replace("http://127.0.0.1", "https://127.0.0.1")
                        .replace("https://", "http://") + "?utm_source=other";
                send(ex, 200, "application/rss+xml", rss(List.of(first)));
            } else if (path.equals("/flaky.html") && n <= 2) {
                send(ex, 502, "text/plain", "bad gateway");
            } else if (path.equals("/gone.html")) {
                send(ex, 404, "text/plain", "gone");
            } else if (path.endsWith(".html")) {
                send(ex, 200, "text/html; charset=utf-8", "<html><head><title>" + path + "</title></head><body>"
                        + "<article><p>Body of " + path + ", long enough to be an article.</p></article></body></html>");
            } else {
                send(ex, 404, "text/plain", "no");
            }
        }
    }

    static String rss(List<String> links) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>" + base() + "/</link><description>d</description>");
        for (String link : links) {
            sb.append("<item><title>").append(link).append("</title><link>").append(link.replace("&", "&amp;"))
                    .append("</link></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void everyItemIsFetchedOnceAcrossFeedsFailuresAndARestart() throws Exception {
        for (int i = 0; i < 20; i++) {
            items.add(base() + "/a/" + i + ".html");
        }
        items.add(base() + "/flaky.html");
        items.add(base() + "/gone.html");
        NewslineConfig config = NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "data.dir", dataDir.toString(), "fetch.allowed.hosts", "127.0.0.1:" + server.getAddress().getPort(),
                "fetch.host.delay", "10ms", "fetch.host.concurrency", "4", "topic.partitions", "3"));
        KafkaClients clients = new KafkaClients(config);
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));
        subscribe(clients, base() + "/feed.xml");
        subscribe(clients, base() + "/other.xml");

        try (IngestService ingest = new IngestService(clients, new SimpleMeterRegistry()).start()) {
            awaitCount(clients, Topic.RAW, 21);
            awaitCount(clients, Topic.DEAD_LETTER, 1);
        }
        List<RawPage> raw = read(clients, Topic.RAW).stream().map(r -> EventCodec.decode(r.value(), RawPage.class)).toList();
        assertThat(raw).extracting(RawPage::articleId).doesNotHaveDuplicates().hasSize(21)
                .contains(Ids.articleId(base() + "/flaky.html"));
        assertThat(hits.get("/flaky.html").get()).as("a 502 is retried").isEqualTo(3);
        List<DeadLetter> dead = read(clients, Topic.DEAD_LETTER).stream()
                .map(r -> EventCodec.decode(r.value(), DeadLetter.class)).toList();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("fetch");
            assertThat(d.error()).contains("404");
        });

        // new items while the service is down are fetched after the restart; old ones are not fetched again
        for (int i = 20; i < 23; i++) {
            items.add(base() + "/a/" + i + ".html");
        }
        int before = hits.get("/a/0.html").get();
        try (IngestService ingest = new IngestService(clients, new SimpleMeterRegistry()).start()) {
            // the poller polls again at once after a restart only when due; make it due by resubscribing
            subscribe(clients, base() + "/feed.xml");
            awaitCount(clients, Topic.RAW, 24);
            Thread.sleep(1500);
        }
        List<String> ids = read(clients, Topic.RAW).stream().map(ConsumerRecord::key).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(24);
        assertThat(hits.get("/a/0.html").get()).as("an old page is not fetched again").isEqualTo(before);
    }

    static void subscribe(KafkaClients clients, String url) throws Exception {
        FeedSubscription sub = FeedSubscription.of(url, null, List.of(), Duration.ofSeconds(1), Instant.now());
        try (KafkaProducer<String, byte[]> p = clients.producer(null)) {
            p.send(new ProducerRecord<>(Topic.FEEDS.baseName(), sub.feedId(), EventCodec.encode(sub))).get();
        }
    }

    static void awaitCount(KafkaClients clients, Topic topic, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (read(clients, topic).size() >= n) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("timed out waiting for " + n + " records on " + topic.baseName() + ", have "
                + read(clients, topic).size());
    }

    static List<ConsumerRecord<String, byte[]>> read(KafkaClients clients, Topic topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> tps = c.partitionsFor(topic.baseName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
        }
        return out;
    }
}
