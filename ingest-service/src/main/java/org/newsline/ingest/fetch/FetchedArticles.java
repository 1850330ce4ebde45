package org.newsline.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * group's committed offset are the articles already handled, except those the committed offset's metadata
 * lists as put aside for later ({@link DeferredFetches}), which are handed back. Rebuilt from the topic on
 * assignment and after an aborted batch, so the same article reached through two feeds is fetched once across
 * restarts and rebalances.
 */
final class FetchedArticles {

    private static final Logger LOG = LoggerFactory.getLogger(FetchedArticles.class);

    private final Map<TopicPartition, Set<String>> ids = new ConcurrentHashMap<>();
    private final KafkaClients clients;
    private final String group;

    FetchedArticles(KafkaClients clients, String group) {
        this.clients = clients;
        this.group = group;
    }

    boolean contains(TopicPartition tp, String articleId) {
        Set<String> part = ids.get(tp);
        return part != null && part.contains(articleId);
    }

    void add(TopicPartition tp, String articleId) {
        ids.computeIfAbsent(tp, k -> ConcurrentHashMap.newKeySet()).add(articleId);
    }

    void drop(Collection<TopicPartition> partitions) {
        partitions.forEach(ids::remove);
    }

    /**
     * Reads {@code partitions} up to their committed offsets: what is before them was fetched (or dead-lettered),
     * except the requests the offset metadata lists as deferred, which go to {@code deferred}.
     */
    void rebuild(Collection<TopicPartition> partitions, DeferredFetches deferred) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
        if (committed == null) {
            return;
        }
        List<TopicPartition> toRead = new ArrayList<>();
        Map<TopicPartition, Map<Long, DeferralCodec.Deferral>> deferrals = new HashMap<>();
        for (TopicPartition tp : partitions) {
            ids.put(tp, ConcurrentHashMap.newKeySet());
            deferred.restore(tp, List.of());
            OffsetAndMetadata om = committed.get(tp);
            if (om != null && om.offset() > 0) {
                toRead.add(tp);
                try {
                    deferrals.put(tp, DeferralCodec.decode(om.metadata()));
                } catch (IllegalArgumentException e) {
                    LOG.warn("fetcher: {}: {}; no fetch of it is taken as deferred", tp, e.getMessage());
                    deferrals.put(tp, Map.of());
                }
            }
        }
        if (toRead.isEmpty()) {
            return;
        }
        Map<TopicPartition, List<DeferredFetches.Deferred>> restored = new HashMap<>();
        int fetched = 0;
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            c.assign(toRead);
            c.seekToBeginning(toRead);
            List<TopicPartition> remaining = new ArrayList<>(toRead);
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= committed.get(tp).offset()) {
                        continue;
                    }
                    FetchRequest request;
                    try {
                        request = EventCodec.decode(r.value(), FetchRequest.class);
                    } catch (EventDecodingException e) {
                        continue; // a poison request was dead-lettered when it was processed
                    }
                    DeferralCodec.Deferral d = deferrals.get(tp).get(r.offset());
                    if (d != null) {
                        restored.computeIfAbsent(tp, k -> new ArrayList<>())
                                .add(new DeferredFetches.Deferred(r, request, d.notBefore(), d.attempts()));
                    } else {
                        add(tp, request.articleId());
                        fetched++;
                    }
                }
                remaining.removeIf(tp -> c.position(tp) >= committed.get(tp).offset());
            }
        }
        restored.forEach(deferred::restore);
        LOG.info("fetcher: {} articles already fetched and {} fetches deferred in {} partitions", fetched,
                restored.values().stream().mapToInt(List::size).sum(), toRead.size());
    }

    /** The group's committed offsets, asked for three times; null (and logged) if the broker does not say. */
    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() {
        Exception last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Admin admin = clients.admin()) {
                // stable: an offset committed by a transaction still completing (the previous owner's last batch) is
                // waited for, not read as it was before
                return admin.listConsumerGroupOffsets(group,
                                new org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions().requireStable(true))
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = e;
                break;
            } catch (Exception e) {
                last = e;
            }
        }
        LOG.error("cannot read committed offsets of {}; articles reached through two feeds may be fetched twice "
                + "and fetches deferred for later are not taken up again: {}", group, String.valueOf(last));
        return null;
    }
}
