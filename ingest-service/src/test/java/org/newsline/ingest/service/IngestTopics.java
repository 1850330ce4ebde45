package org.newsline.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.KafkaClients;

/** The ingest tests' way into the topics: subscribe feeds, read a topic whole (read committed), wait for records. */
final class IngestTopics {

    private IngestTopics() {
    }

    static FeedSubscription subscribe(KafkaClients clients, String url, Duration interval) throws Exception {
        FeedSubscription sub = FeedSubscription.of(url, null, List.of(), interval, Instant.now());
        try (KafkaProducer<String, byte[]> p = clients.producer(null)) {
            p.send(new ProducerRecord<>(Topic.FEEDS.name(clients.config().topicPrefix()), sub.feedId(),
                    EventCodec.encode(sub))).get();
        }
        return sub;
    }

    static List<ConsumerRecord<String, byte[]>> read(KafkaClients clients, Topic topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            String name = topic.name(clients.config().topicPrefix());
            List<TopicPartition> tps = c.partitionsFor(name).stream()
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

    /** The latest state of every feed on news.feed-state. */
    static Map<String, FeedState> states(KafkaClients clients) {
        Map<String, FeedState> out = new java.util.HashMap<>();
        for (ConsumerRecord<String, byte[]> r : read(clients, Topic.FEED_STATE)) {
            out.put(r.key(), EventCodec.decode(r.value(), FeedState.class));
        }
        return out;
    }

    /** Waits up to {@code timeout} for {@code condition} to hold; fails with {@code what} if it does not. */
    static <T> T await(String what, Duration timeout, java.util.function.Supplier<T> read, Predicate<T> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!condition.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + value);
            }
            Thread.sleep(200);
            value = read.get();
        }
        return value;
    }
}
