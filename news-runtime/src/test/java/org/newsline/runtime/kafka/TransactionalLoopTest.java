package org.newsline.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedItem;
import org.newsline.events.FetchRequest;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;

@Tag("integration")
class TransactionalLoopTest {

    static EmbeddedBroker broker;
    static KafkaClients clients;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.startTemporary();
        clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "topic.prefix", "loop.")));
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void transformsEveryRecordOnceAndSendsPoisonToDeadLetters() throws Exception {
        List<FetchRequest> requests = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = clients.producer(null)) {
            for (int i = 0; i < 50; i++) {
                FetchRequest r = FetchRequest.of("https://example.org/a/" + i, "feed",
                        new FeedItem("t" + i, "https://example.org/a/" + i, null, null, null, null), Instant.now());
                requests.add(r);
                producer.send(new ProducerRecord<>(Topic.FETCH.name("loop."), r.articleId(), EventCodec.encode(r)));
            }
            producer.send(new ProducerRecord<>(Topic.FETCH.name("loop."), "x",
                    "{not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topic.FETCH.name("loop."), "y",
                    "{\"schemaVersion\": 99}".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topic.FETCH.name("loop."), "wrong-key", EventCodec.encode(requests.get(0))));
        }
        PerRecordProcessor<FetchRequest> processor = new PerRecordProcessor<>(FetchRequest.class,
                FetchRequest::articleId, (key, r) -> List.of(new Outgoing(Topic.RAW, r.articleId(),
                new RawPage(1, r.articleId(), r.url(), r.url(), r.feedId(), r.item(), Instant.now(), 200, Map.of(),
                        "UTF-8", "<html></html>", false))), 2);
        TransactionalLoop loop = new TransactionalLoop("test", clients, "test-group", "test-1",
                List.of(Topic.FETCH), processor, new SimpleMeterRegistry());
        loop.start();
        try {
            List<ConsumerRecord<String, byte[]>> raw = readAll(Topic.RAW, 50);
            List<ConsumerRecord<String, byte[]>> dead = readAll(Topic.DEAD_LETTER, 3);
            assertThat(raw).hasSize(50);
            assertThat(raw).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrderElementsOf(requests.stream().map(FetchRequest::articleId).toList());
            List<String> reasons = dead.stream().map(r -> EventCodec.decode(r.value(), DeadLetter.class).error()).toList();
            assertThat(reasons).anyMatch(s -> s.startsWith("malformed JSON"))
                    .anyMatch(s -> s.contains("unsupported schemaVersion 99"))
                    .anyMatch(s -> s.contains("wrong key"));
            assertThat(loop.joined()).isTrue();
        } finally {
            assertThat(loop.stop(Duration.ofSeconds(10))).isTrue();
        }
    }

    /** Reads the topic with read_committed until {@code expected} records arrived and no more come. */
    private static List<ConsumerRecord<String, byte[]>> readAll(Topic topic, int expected) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            var partitions = c.partitionsFor(topic.name("loop.")).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            long quietUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                var records = c.poll(Duration.ofMillis(200));
                records.forEach(out::add);
                if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.currentTimeMillis() + 1500;
                }
            }
        }
        return out;
    }
}
