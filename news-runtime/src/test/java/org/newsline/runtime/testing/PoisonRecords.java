package org.newsline.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * The four poison records of a topic (malformed JSON, an unknown schema version, a huge value, a wrong key),
 * and the checks that each went to {@code news.dead-letter} with its reason. Shared by every service's poison
 * tests through this module's test jar.
 */
public final class PoisonRecords {

    public static final int HUGE_BYTES = 10 * 1024 * 1024;

    private PoisonRecords() {
    }

    /** Poison for {@code topic}, built from a good record's key and value. */
    public static List<ProducerRecord<String, byte[]>> of(String topic, String goodKey, byte[] goodValue) {
        String json = new String(goodValue, StandardCharsets.UTF_8);
        String newer = json.replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        if (newer.equals(json)) {
            throw new IllegalArgumentException("no schemaVersion in " + json);
        }
        StringBuilder huge = new StringBuilder(HUGE_BYTES + 64).append("{\"schemaVersion\":1,\"padding\":\"");
        while (huge.length() < HUGE_BYTES) {
            huge.append("0123456789abcdef");
        }
        return List.of(
                new ProducerRecord<>(topic, goodKey, "{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(topic, goodKey, newer.getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(topic, goodKey, huge.toString().getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(topic, "wrong-key", goodValue));
    }

    public static void send(KafkaClients clients, List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = clients.producer(null)) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
        }
    }

    /** The dead letters of {@code sourceTopic}: one per poison record, each with its reason. */
    public static void assertDeadLettered(KafkaClients clients, String sourceTopic) {
        List<DeadLetter> letters = read(clients, Topic.DEAD_LETTER, 4,
                r -> EventCodec.decode(r.value(), DeadLetter.class).sourceTopic().equals(sourceTopic)).stream()
                .map(r -> EventCodec.decode(r.value(), DeadLetter.class)).toList();
        assertThat(letters).as("dead letters from " + sourceTopic).hasSize(4);
        assertThat(letters).as("malformed").filteredOn(d -> d.payloadBytes() < HUGE_BYTES)
                .anySatisfy(d -> assertThat(d.error()).startsWith("malformed JSON"));
        assertThat(letters).as("newer schema")
                .anySatisfy(d -> assertThat(d.error()).contains("unsupported schemaVersion 99"));
        assertThat(letters).as("huge").anySatisfy(d -> {
            assertThat(d.payloadBytes()).isGreaterThanOrEqualTo(HUGE_BYTES);
            assertThat(d.error()).startsWith("malformed JSON");
            assertThat(d.payload().length()).isLessThanOrEqualTo(DeadLetter.MAX_PAYLOAD_CHARS);
        });
        assertThat(letters).as("wrong key").anySatisfy(d -> {
            assertThat(d.error()).contains("wrong key 'wrong-key'");
            assertThat(d.key()).isEqualTo("wrong-key");
        });
    }

    /** Reads {@code topic} (read committed) until {@code wanted} records matched or 60 s passed. */
    public static List<ConsumerRecord<String, byte[]>> read(KafkaClients clients, Topic topic, int wanted,
                                                     Predicate<ConsumerRecord<String, byte[]>> match) {
        return read(clients, topic, wanted, match, Duration.ofSeconds(60));
    }

    public static List<ConsumerRecord<String, byte[]>> read(KafkaClients clients, Topic topic, int wanted,
                                                     Predicate<ConsumerRecord<String, byte[]>> match,
                                                     Duration timeout) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> partitions = c.partitionsFor(topic.name(clients.config().topicPrefix())).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (out.size() < wanted && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}
