package org.newsline.cli.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.Topic;
import org.newsline.extract.ExtractService;
import org.newsline.ingest.fetch.PageFetchService;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.store.StoreService;

/**
 * Consumer lag of each stage on its main input, as the broker sees it: last stable offset minus the group's
 * committed offset, summed over partitions. Read from outside the services, so it is right across rebalances
 * and counts records a stage has read but not yet committed.
 */
public final class LagProbe implements AutoCloseable {

    /** stage, its consumer group, its main input topic. */
    private record Watch(String stage, String group, Topic topic) {
    }

    private static final Watch[] WATCHES = {
            new Watch("fetch", PageFetchService.GROUP, Topic.FETCH),
            new Watch("extract", ExtractService.GROUP, Topic.RAW),
            new Watch("store", StoreService.GROUP, Topic.ARTICLES),
    };

    private final Admin admin;
    private final String prefix;

    public LagProbe(KafkaClients clients) {
        this.admin = clients.admin();
        this.prefix = clients.config().topicPrefix();
    }

    /** Lag per stage ({@code fetch}, {@code extract}, {@code store}); -1 where it cannot be read now. */
    public Map<String, Long> lag() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Watch w : WATCHES) {
            out.put(w.stage(), lagOf(w));
        }
        return out;
    }

    private long lagOf(Watch w) {
        try {
            String topic = w.topic().name(prefix);
            TopicDescription d = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            d.partitions().forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(w.group())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition tp : specs.keySet()) {
                OffsetAndMetadata c = committed.get(tp);
                lag += Math.max(0, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
            }
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
