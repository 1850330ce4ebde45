package org.newsline.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.EventCodec;
import org.newsline.events.EventDecodingException;
import org.newsline.events.FetchRequest;
import org.newsline.runtime.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The articles already fetched through the {@code news.fetch} partitions this instance owns. Requests are
 * keyed by host, so every request for one article lands in one partition: the fetch requests before the
 * group's committed offset are the articles already handled. Rebuilt from the topic on assignment, so the
 * same article reached through two feeds is fetched once across restarts and rebalances.
 */
final class FetchedArticles {

    private static final Logger LOG = LoggerFactory.getLogger(FetchedArticles.class);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final KafkaClients clients;
    private final String group;

    FetchedArticles(KafkaClients clients, String group) {
        this.clients = clients;
        this.group = group;
    }

    boolean contains(String articleId) {
        return ids.contains(articleId);
    }

    void add(String articleId) {
        ids.add(articleId);
    }

    /** Reads the assigned partitions up to the committed offsets. */
    void rebuild(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try (Admin admin = clients.admin()) {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("cannot read committed offsets of {}; duplicates across feeds may be fetched twice: {}", group,
                    e.toString());
            return;
        }
        List<TopicPartition> toRead = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata om = committed.get(tp);
            if (om != null && om.offset() > 0) {
                toRead.add(tp);
            }
        }
        if (toRead.isEmpty()) {
            return;
        }
        int before = ids.size();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            c.assign(toRead);
            c.seekToBeginning(toRead);
            List<TopicPartition> remaining = new ArrayList<>(toRead);
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= committed.get(new TopicPartition(r.topic(), r.partition())).offset()) {
                        continue;
                    }
                    try {
                        ids.add(EventCodec.decode(r.value(), FetchRequest.class).articleId());
                    } catch (EventDecodingException e) {
                        // a poison request was dead-lettered when it was processed
                    }
                }
                remaining.removeIf(tp -> c.position(tp) >= committed.get(tp).offset());
            }
        }
        LOG.info("fetcher: {} articles already fetched in {} partitions", ids.size() - before, toRead.size());
    }
}
