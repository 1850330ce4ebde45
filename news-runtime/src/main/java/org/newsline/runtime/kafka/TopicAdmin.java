package org.newsline.runtime.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Newsline topics that do not exist yet, with their cleanup policy, partition count and message
 * size, and waits until the broker hosts every partition of them: Kafka 4.4 can lose records produced right
 * after a topic is created (KAFKA-15591), so nobody writes before this returns.
 */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private final KafkaClients clients;

    public TopicAdmin(KafkaClients clients) {
        this.clients = clients;
    }

    /** Creates missing topics and waits until all their partitions are hosted. */
    public void ensureTopics(Duration timeout) {
        NewslineConfig config = clients.config();
        String prefix = config.topicPrefix();
        int partitions = config.integer(Settings.TOPIC_PARTITIONS);
        short replication = (short) config.integer(Settings.TOPIC_REPLICATION);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> toCreate = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                String name = topic.name(prefix);
                if (!existing.contains(name)) {
                    toCreate.add(new NewTopic(name, partitions, replication).configs(topicConfig(topic, config)));
                }
            }
            if (!toCreate.isEmpty()) {
                try {
                    admin.createTopics(toCreate).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                LOG.info("created topics {}", toCreate.stream().map(NewTopic::name).toList());
            }
            List<String> names = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                names.add(topic.name(prefix));
            }
            awaitHosted(admin, names, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Newsline topics on " + clients.bootstrapServers()
                    + ": " + e, e);
        }
    }

    private static Map<String, String> topicConfig(Topic topic, NewslineConfig config) {
        Map<String, String> c = new HashMap<>();
        c.put("cleanup.policy", topic.cleanup().policy());
        c.put("max.message.bytes", String.valueOf(config.size(Settings.TOPIC_MAX_MESSAGE)));
        if (topic == Topic.RAW) {
            c.put("retention.ms", String.valueOf(config.duration(Settings.RAW_RETENTION).toMillis()));
        }
        if (topic == Topic.RAW || topic == Topic.ARTICLES) {
            c.put("compression.type", "producer");
        }
        return c;
    }

    /** Waits until every partition of {@code topics} shows in the broker's log directories. */
    private static void awaitHosted(Admin admin, List<String> topics, long deadlineNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<TopicPartition> expected = new HashSet<>();
        Map<String, TopicDescription> descriptions = describe(admin, topics, deadlineNanos);
        Set<Integer> brokers = new HashSet<>();
        for (TopicDescription d : descriptions.values()) {
            d.partitions().forEach(p -> {
                expected.add(new TopicPartition(d.name(), p.partition()));
                if (p.leader() != null) {
                    brokers.add(p.leader().id());
                }
            });
        }
        while (true) {
            Set<TopicPartition> hosted = new HashSet<>();
            if (!brokers.isEmpty()) {
                Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(brokers)
                        .allDescriptions().get(10, TimeUnit.SECONDS);
                for (Map<String, LogDirDescription> byDir : dirs.values()) {
                    for (LogDirDescription dir : byDir.values()) {
                        Map<TopicPartition, ReplicaInfo> replicas = dir.replicaInfos();
                        hosted.addAll(replicas.keySet());
                    }
                }
            }
            if (hosted.containsAll(expected) && !brokers.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new TimeoutException("partitions not hosted in time: " + expected.stream()
                        .filter(tp -> !hosted.contains(tp)).limit(5).toList());
            }
            Thread.sleep(20);
            if (brokers.isEmpty()) {
                descriptions = describe(admin, topics, deadlineNanos);
                for (TopicDescription d : descriptions.values()) {
                    d.partitions().forEach(p -> {
                        if (p.leader() != null) {
                            brokers.add(p.leader().id());
                        }
                    });
                }
            }
        }
    }

    /**
     * Describes {@code topics}; right after they were created the broker may not know them yet for a moment
     * (UnknownTopicOrPartition), which is waited out until the deadline.
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> topics, long deadlineNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            try {
                return admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadlineNanos) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** True when every Newsline topic exists. */
    public boolean topicsExist(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            for (Topic topic : Topic.values()) {
                if (!existing.contains(topic.name(clients.config().topicPrefix()))) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
