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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.ingest.IngestService;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;

/**
 * One host that never answers must not stop the polls of other hosts: with four poll workers and thirty feeds on
 * a host that hangs, the feeds of a healthy host are all polled, and the hanging host never has more requests
 * open than its concurrency allows.
 */
@Tag("integration")
class SlowHostTest {

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aHostThatHangsDoesNotHoldUpThePollsOfOtherHosts() throws Exception {
        AtomicInteger slowOpen = new AtomicInteger();
        AtomicInteger slowMaxOpen = new AtomicInteger();
        HttpServer slow = server("127.0.0.2", ex -> {
            slowMaxOpen.accumulateAndGet(slowOpen.incrementAndGet(), Math::max);
            try {
                release.await(60, TimeUnit.SECONDS);
                send(ex, rss("slow"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                slowOpen.decrementAndGet();
            }
        });
        HttpServer fast = server("127.0.0.3", ex -> send(ex, rss("fast")));
        EmbeddedBroker broker = EmbeddedBroker.startTemporary();
        open.add(broker);
        NewslineConfig config = NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "data.dir", dataDir.toString(), "topic.partitions", "3", "fetch.allow.private.addresses", "true",
                "fetch.threads", "4", "fetch.host.concurrency", "2", "fetch.host.delay", "0ms",
                "fetch.read.timeout", "60s", "fetch.total.timeout", "60s"));
        KafkaClients clients = new KafkaClients(config);
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));

        for (int i = 0; i < 30; i++) {
            IngestTopics.subscribe(clients, url(slow, "/feed/" + i + ".xml"), Duration.ofMinutes(30));
        }
        List<String> fastFeeds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fastFeeds.add(IngestTopics.subscribe(clients, url(fast, "/feed/" + i + ".xml"), Duration.ofMinutes(30))
                    .feedId());
        }
        IngestService ingest = new IngestService(clients, new SimpleMeterRegistry()).startPollerOnly();
        open.add(ingest);

        Map<String, FeedState> states = IngestTopics.await("every feed of the healthy host polled",
                Duration.ofSeconds(45), () -> IngestTopics.states(clients), s -> s.keySet().containsAll(fastFeeds));
        assertThat(fastFeeds).allSatisfy(id -> assertThat(states.get(id).lastStatus()).isEqualTo(200));
        Set<String> slowPolled = states.keySet().stream().filter(id -> !fastFeeds.contains(id))
                .collect(Collectors.toSet());
        assertThat(slowPolled).as("the hanging host has answered nothing yet").isEmpty();
        assertThat(slowMaxOpen.get()).as("requests open at once to the hanging host").isEqualTo(2);
        release.countDown();
    }

    private HttpServer server(String address, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-site-" + address);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            try (ex) {
                handler.handle(ex);
            }
        });
        server.start();
        open.add(() -> server.stop(0));
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    private static String rss(String name) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + name + "</title>"
                + "<link>http://example.org/</link><description>d</description>"
                + "<item><title>one</title><link>http://example.org/" + name + "/1</link></item>"
                + "</channel></rss>";
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
