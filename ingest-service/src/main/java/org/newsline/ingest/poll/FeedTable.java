package org.newsline.ingest.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.EventCodec;
import org.newsline.events.EventDecodingException;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic partition (subscriptions or feed states) from the beginning to its end, so an
 * instance that is assigned a partition starts from the state the topics hold, not from memory.
 */
final class FeedTable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedTable.class);

    private FeedTable() {
    }

    /** Latest subscription per feedId in {@code partitions} of news.feeds (tombstones remove). */
    static Map<String, FeedSubscription> subscriptions(KafkaClients clients, Collection<Integer> partitions) {
        Map<String, FeedSubscription> out = new HashMap<>();
        readToEnd(clients, Topic.FEEDS, partitions, r -> {
            if (r.value() == null) {
                out.remove(r.key());
                return;
            }
            try {
                FeedSubscription s = EventCodec.decode(r.value(), FeedSubscription.class);
                out.put(s.feedId(), s);
            } catch (EventDecodingException e) {
                LOG.warn("skipping unreadable subscription {}: {}", r.key(), e.getMessage());
            }
        });
        return out;
    }

    /** Latest state per feedId in {@code partitions} of news.feed-state. */
    static Map<String, FeedState> states(KafkaClients clients, Collection<Integer> partitions) {
        Map<String, FeedState> out = new HashMap<>();
        readToEnd(clients, Topic.FEED_STATE, partitions, r -> {
            if (r.value() == null) {
                out.remove(r.key());
                return;
            }
            try {
                FeedState state = EventCodec.decode(r.value(), FeedState.class);
                if (!state.feedId().equals(r.key())) {
                    // the store dead-letters it; here it must not become another feed's state
                    LOG.warn("skipping feed state under wrong key {}: its feed is {}", r.key(), state.feedId());
                    return;
                }
                out.put(r.key(), state);
            } catch (EventDecodingException e) {
                LOG.warn("skipping unreadable feed state {}: {}", r.key(), e.getMessage());
            }
        });
        return out;
    }

    private static void readToEnd(KafkaClients clients, Topic topic, Collection<Integer> partitions,
                                  java.util.function.Consumer<ConsumerRecord<String, byte[]>> sink) {
        if (partitions.isEmpty()) {
            return;
        }
        String name = topic.name(clients.config().topicPrefix());
        List<TopicPartition> tps = new ArrayList<>();
        partitions.forEach(p -> tps.add(new TopicPartition(name, p)));
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            Set<TopicPartition> remaining = new java.util.HashSet<>(tps);
            remaining.removeIf(tp -> end.get(tp) == 0L);
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    sink.accept(r);
                }
                remaining.removeIf(tp -> c.position(tp) >= end.get(tp));
            }
        }
    }
}
