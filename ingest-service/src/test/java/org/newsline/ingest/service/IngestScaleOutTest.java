package org.newsline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.Ids;
import org.newsline.events.Topic;
import org.newsline.ingest.IngestService;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;

/**
 * Two ingest instances in one consumer group share news.feeds and news.fetch: instance A runs alone, B joins,
 * later B leaves, while the feeds keep publishing. Every feed is polled by one instance at a time (no two polls
 * of a feed overlap, whoever made them), the instance that takes a feed over continues from its state on the
 * topics (its first poll is conditional, with the ETag the other got), both instances polled and fetched, and
 * every item is fetched once and published once: nothing lost, nothing repeated.
 */
@Tag("integration")
class IngestScaleOutTest {

    static final int FEEDS = 12;
    static final String[] HOSTS = {"127.0.0.2", "127.0.0.3", "127.0.0.4"};
    static final long FEED_ANSWER_MILLIS = 300;

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<Integer, AtomicInteger> itemsOf = new ConcurrentHashMap<>();
    private final List<HostSite> sites = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void twoInstancesShareFeedsAndHostsAsOneJoinsAndLeaves() throws Exception {
        for (String host : HOSTS) {
            HostSite site = new HostSite(host);
            open.add(site);
            sites.add(site);
        }
        for (int f = 0; f < FEEDS; f++) {
            int feed = f;
            itemsOf.put(feed, new AtomicInteger(2));
            HostSite site = siteOf(feed);
            site.route("/feed/" + feed + ".xml", (ex, n) -> {
                // a slow answer, so that polls are in flight whenever the partitions move
                sleep(FEED_ANSWER_MILLIS);
                int items = itemsOf.get(feed).get();
                String etag = "\"f" + feed + "-" + items + "\"";
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    HostSite.send(ex, 304, null, "", "ETag", etag);
                    return;
                }
                StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F"
                        + feed + "</title><link>" + site.url("/") + "</link><description>d</description>");
                for (int i = items - 1; i >= 0; i--) {
                    rss.append("<item><title>").append(feed).append('-').append(i).append("</title><link>")
                            .append(site.url(page(feed, i))).append("</link></item>");
                }
                HostSite.send(ex, 200, "application/rss+xml", rss.append("</channel></rss>").toString(), "ETag", etag);
            });
            for (int i = 0; i < 200; i++) {
                int item = i;
                site.route(page(feed, item), (ex, n) -> HostSite.page(ex, feed + "-" + item));
            }
        }
        EmbeddedBroker broker = EmbeddedBroker.startTemporary();
        open.add(broker);
        KafkaClients clients = clients(broker, "A");
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));
        for (int f = 0; f < FEEDS; f++) {
            IngestTopics.subscribe(clients, feedUrl(f), Duration.ofSeconds(1));
        }

        IngestService a = new IngestService(clients, new SimpleMeterRegistry()).start();
        open.add(a);
        publish(5);
        IngestService b = new IngestService(clients(broker, "B"), new SimpleMeterRegistry()).start();
        publish(10);
        b.close();
        publish(5);
        int expected = itemsOf.values().stream().mapToInt(AtomicInteger::get).sum();

        List<ConsumerRecord<String, byte[]>> raw = IngestTopics.await("every item published", Duration.ofSeconds(90),
                () -> IngestTopics.read(clients, Topic.RAW), l -> l.size() >= expected);
        Thread.sleep(2000); // anything extra would show now
        a.close();
        raw = IngestTopics.read(clients, Topic.RAW);

        Set<String> expectedIds = new HashSet<>();
        for (int f = 0; f < FEEDS; f++) {
            for (int i = 0; i < itemsOf.get(f).get(); i++) {
                expectedIds.add(Ids.articleId(siteOf(f).url(page(f, i))));
            }
        }
        assertThat(raw).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expectedIds);
        Map<String, Set<String>> pagesBy = new ConcurrentHashMap<>();
        for (HostSite site : sites) {
            for (HostSite.Hit hit : site.hits()) {
                if (hit.path().startsWith("/a/")) {
                    assertThat(site.hits(hit.path())).as("requests of %s", hit.path()).hasSize(1);
                    pagesBy.computeIfAbsent(instance(hit), k -> new HashSet<>()).add(hit.path());
                }
            }
        }
        assertThat(pagesBy.keySet()).as("instances that fetched pages").containsExactlyInAnyOrder("A", "B");

        Set<String> pollers = new HashSet<>();
        int handovers = 0;
        for (int f = 0; f < FEEDS; f++) {
            List<HostSite.Hit> polls = siteOf(f).hits("/feed/" + f + ".xml");
            for (int i = 1; i < polls.size(); i++) {
                HostSite.Hit before = polls.get(i - 1);
                HostSite.Hit next = polls.get(i);
                assertThat(next.at()).as("feed %d: poll %d starts after poll %d was answered", f, i + 1, i)
                        .isAfterOrEqualTo(before.answered());
                if (!instance(before).equals(instance(next))) {
                    handovers++;
                    assertThat(next.headers()).as("feed %d taken over by %s with the state on the topic", f,
                            instance(next)).containsKey("if-none-match");
                }
            }
            polls.forEach(p -> pollers.add(instance(p)));
        }
        assertThat(pollers).as("instances that polled feeds").containsExactlyInAnyOrder("A", "B");
        assertThat(handovers).as("feeds handed over between the instances").isGreaterThan(0);
    }

    /** Adds an item to every feed each second for {@code seconds} seconds. */
    private void publish(int seconds) throws InterruptedException {
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            itemsOf.values().forEach(AtomicInteger::incrementAndGet);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KafkaClients clients(EmbeddedBroker broker, String instance) {
        return new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "data.dir", dataDir.resolve(instance).toString(), "instance.id", instance,
                "fetch.user.agent", "newsline-test-" + instance, "fetch.allow.private.addresses", "true",
                "fetch.host.delay", "0ms", "fetch.host.concurrency", "4")));
    }

    private static String instance(HostSite.Hit hit) {
        String agent = hit.headers().getOrDefault("user-agent", "");
        return agent.startsWith("newsline-test-") ? agent.substring("newsline-test-".length()) : agent;
    }

    private HostSite siteOf(int feed) {
        return sites.get(feed % sites.size());
    }

    private String feedUrl(int feed) {
        return siteOf(feed).url("/feed/" + feed + ".xml");
    }

    private static String page(int feed, int item) {
        return "/a/" + feed + "/" + item + ".html";
    }
}
