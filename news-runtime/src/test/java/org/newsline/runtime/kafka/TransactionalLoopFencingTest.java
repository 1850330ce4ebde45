package org.newsline.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedItem;
import org.newsline.events.FetchRequest;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;

/**
 * A stage whose producer is fenced while it works (another producer initialises transactions with its
 * transactional id, as a zombie's successor does, or as the broker does to a transaction that outlived its
 * timeout) closes its producer and consumer and starts over from the committed offsets: it keeps processing,
 * and every input is output exactly once, read committed.
 */
@Tag("integration")
class TransactionalLoopFencingTest {

    private static final String PREFIX = "fence.";
    private static final String TRANSACTIONAL_ID = "fence-stage-1";

    static EmbeddedBroker broker;
    static KafkaClients clients;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.startTemporary();
        clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "topic.prefix", PREFIX)));
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aFencedStageStartsOverAndOutputsEveryInputOnce() throws Exception {
        AtomicLong handled = new AtomicLong();
        PerRecordProcessor<FetchRequest> processor = new PerRecordProcessor<>(FetchRequest.class,
                FetchRequest::articleId, (key, r) -> {
                    // slow enough that a batch's transaction is open when the fencing strikes
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    handled.incrementAndGet();
                    return List.of(new Outgoing(Topic.RAW, r.articleId(), new RawPage(1, r.articleId(), r.url(),
                            r.url(), r.feedId(), r.item(), Instant.now(), 200, Map.of(), "UTF-8", "<html></html>",
                            false)));
                }, 1);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TransactionalLoop loop = new TransactionalLoop("fenced", clients, "fence-group", TRANSACTIONAL_ID,
                List.of(Topic.FETCH), processor, metrics).capBatch(20);
        Set<String> expected = new TreeSet<>();
        loop.start();
        try {
            expected.addAll(request(0, 400));
            int fencings = 0;
            for (int round = 1; round <= 3; round++) {
                long before = handled.get();
                await(() -> handled.get() > before + 30);
                fence();
                fencings++;
                expected.addAll(request(round * 1000, 200));
            }
            double restarts = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (restarts < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                restarts = metrics.counter("newsline.loop.restarts", "stage", "fenced").count();
            }
            assertThat(restarts).as("restarts after %d fencings", fencings).isGreaterThanOrEqualTo(1);

            List<String> out = readCommitted(Topic.RAW, expected.size());
            assertThat(out).hasSameSizeAs(expected);
            assertThat(new TreeSet<>(out)).isEqualTo(expected);
            assertThat(loop.failure()).isNull();
            assertThat(loop.joined()).isTrue();
        } finally {
            assertThat(loop.stop(Duration.ofSeconds(30))).isTrue();
        }
    }

    /** What a successor of the stage with the same transactional id does first: fences every older producer. */
    private static void fence() {
        try (KafkaProducer<String, byte[]> intruder = clients.producer(TRANSACTIONAL_ID)) {
            intruder.initTransactions();
        }
    }

    private static List<String> request(int first, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = clients.producer(null)) {
            for (int i = first; i < first + count; i++) {
                String url = "https://example.org/a/" + i;
                FetchRequest r = FetchRequest.of(url, "feed", new FeedItem("t" + i, url, null, null, null, null),
                        Instant.now());
                ids.add(r.articleId());
                producer.send(new ProducerRecord<>(Topic.FETCH.name(PREFIX), r.articleId(), EventCodec.encode(r)));
            }
            producer.flush();
        }
        return ids;
    }

    /** The keys on the topic, read committed, once {@code expected} arrived and nothing more came for 2 s. */
    private static List<String> readCommitted(Topic topic, int expected) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> partitions = c.partitionsFor(topic.name(PREFIX)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 90_000;
            long quietUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    keys.add(r.key());
                }
                if (keys.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.currentTimeMillis() + 2000;
                }
            }
        }
        return keys;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
