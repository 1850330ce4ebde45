package org.newsline.store.replay;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.newsline.runtime.config.Settings;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * Creates the topic a replay publishes to with {@code toTopic} when it does not exist, with the partition count
 * of the pipeline's topics (so keys land as on {@code news.articles}), and waits until it can be written.
 */
final class TargetTopic {

    private TargetTopic() {
    }

    static void ensure(KafkaClients clients, String name) throws InterruptedException {
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (existing.contains(name)) {
                return;
            }
            NewTopic topic = new NewTopic(name, clients.config().integer(Settings.TOPIC_PARTITIONS),
                    (short) clients.config().integer(Settings.TOPIC_REPLICATION));
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            // a new topic's partitions need a moment before they take records (see TopicAdmin)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                boolean led = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(name).partitions().stream().allMatch(p -> p.leader() != null);
                if (led) {
                    Thread.sleep(500);
                    return;
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e, e);
        }
    }
}
