package org.newsline.cli.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Transactions left open on a partition long after any transaction could still be running ("hanging"): they
 * hold back the last stable offset, so read-committed consumers of that partition, and consumers whose committed
 * offsets sit behind one on {@code __consumer_offsets}, wait forever. Found after broker restarts; an operator
 * clears one with {@code kafka-transactions.sh abort} (or {@code Admin.abortTransaction}).
 */
final class HangingTransactions {

    private HangingTransactions() {
    }

    /** One line per open transaction older than {@code olderThan}, on every partition of the broker. */
    static List<String> find(Admin admin, Duration olderThan) {
        List<String> out = new ArrayList<>();
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            var names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get(30, TimeUnit.SECONDS);
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
            }
            long now = System.currentTimeMillis();
            admin.describeProducers(partitions).all().get(30, TimeUnit.SECONDS).forEach((tp, description) ->
                    description.activeProducers().forEach(p -> {
                        if (p.currentTransactionStartOffset().isPresent()
                                && now - p.lastTimestamp() > olderThan.toMillis()) {
                            out.add(tp + ": producer " + p.producerId() + " epoch " + p.producerEpoch()
                                    + " open since offset " + p.currentTransactionStartOffset().getAsLong()
                                    + ", idle " + (now - p.lastTimestamp()) / 1000 + " s");
                        }
                    }));
        } catch (Exception e) {
            out.add("could not look for hanging transactions: " + e);
        }
        return out;
    }
}
