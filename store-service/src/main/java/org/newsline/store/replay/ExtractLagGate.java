package org.newsline.store.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * Gives live pages priority over replayed ones on {@code news.raw}. Kafka has no priorities within a
 * partition: a live page waits behind every record before it. So a replay only publishes its next chunk once
 * the extract stage's backlog (end offsets minus its committed offsets, over all partitions) is down to
 * {@code maxLag}: a live page then waits behind at most {@code maxLag} plus one chunk of replayed pages,
 * whatever the size of the replay, and the replay still runs as fast as extract keeps up.
 */
final class ExtractLagGate implements AutoCloseable {

    /** The extract stage's consumer group (ExtractService.GROUP; store-service does not depend on extract). */
    static final String EXTRACT_GROUP = "newsline-extract";
    private static final long POLL_MS = 100;

    private final Admin admin;
    private final String topic;
    private final int maxLag;

    ExtractLagGate(KafkaClients clients, int maxLag) {
        this.admin = clients.admin();
        this.topic = Topic.RAW.name(clients.config().topicPrefix());
        this.maxLag = maxLag;
    }

    /** Waits until extract's backlog is at most {@code maxLag} records, or {@code stop} says so. */
    void awaitRoom(BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean() && backlog() > maxLag) {
            Thread.sleep(POLL_MS);
        }
    }

    /** Records on {@code news.raw} the extract group has not committed yet. */
    long backlog() throws InterruptedException {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(EXTRACT_GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long backlog = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata done = committed.get(tp);
                if (done != null) {
                    // a transaction's commit marker takes an offset too: one record of slack per partition
                    backlog += Math.max(0, ends.get(tp).offset() - done.offset() - 1);
                }
            }
            return backlog;
        } catch (ExecutionException | TimeoutException e) {
            return 0; // cannot tell: do not stall the replay on a monitoring call
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
