package org.newsline.ingest.fetch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.FetchRequest;

/**
 * Fetch requests put aside until a time (the host asked us to come back later), per {@code news.fetch}
 * partition. They are kept here and, to survive a restart or a rebalance, in the metadata of the partition's
 * committed offset ({@link DeferralCodec}); a partition holds only as many as fit there. The fetch loop's
 * thread owns it; {@link #size()} may be read from anywhere (metrics).
 */
final class DeferredFetches {

    /** Most characters of offset metadata we write; the broker's limit ({@code offset.metadata.max.bytes}) is 4096. */
    static final int MAX_METADATA_CHARS = 3000;

    /** A request put aside: its record, when it is due, and how many throttled answers it had. */
    record Deferred(ConsumerRecord<String, byte[]> record, FetchRequest request, Instant notBefore, int attempts) {
        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }
    }

    private final Map<TopicPartition, TreeMap<Long, Deferred>> byPartition = new HashMap<>();
    private final Map<TopicPartition, String> metadata = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger total = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Puts {@code d} aside (replacing an earlier deferral of the same record); false, and nothing changed, if the
     * partition's deferrals would no longer fit in its offset metadata.
     */
    boolean defer(Deferred d) {
        TopicPartition tp = d.partition();
        TreeMap<Long, Deferred> part = byPartition.computeIfAbsent(tp, k -> new TreeMap<>());
        Deferred previous = part.put(d.record().offset(), d);
        String encoded = encode(part);
        if (encoded != null && encoded.length() > MAX_METADATA_CHARS) {
            if (previous == null) {
                part.remove(d.record().offset());
            } else {
                part.put(d.record().offset(), previous);
            }
            return false;
        }
        metadata.put(tp, encoded);
        if (previous == null) {
            total.incrementAndGet();
        }
        return true;
    }

    /** Takes out every request due at {@code now}, earliest first. */
    List<Deferred> takeDue(Instant now) {
        List<Deferred> due = new ArrayList<>();
        for (Map.Entry<TopicPartition, TreeMap<Long, Deferred>> e : byPartition.entrySet()) {
            boolean changed = false;
            for (Iterator<Deferred> it = e.getValue().values().iterator(); it.hasNext(); ) {
                Deferred d = it.next();
                if (!d.notBefore().isAfter(now)) {
                    due.add(d);
                    it.remove();
                    total.decrementAndGet();
                    changed = true;
                }
            }
            if (changed) {
                metadata.put(e.getKey(), encode(e.getValue()));
            }
        }
        due.sort(java.util.Comparator.comparing(Deferred::notBefore));
        return due;
    }

    boolean anyDue(Instant now) {
        for (TreeMap<Long, Deferred> part : byPartition.values()) {
            for (Deferred d : part.values()) {
                if (!d.notBefore().isAfter(now)) {
                    return true;
                }
            }
        }
        return false;
    }

    int size(TopicPartition tp) {
        TreeMap<Long, Deferred> part = byPartition.get(tp);
        return part == null ? 0 : part.size();
    }

    /** Requests put aside in all partitions. */
    int size() {
        return total.get();
    }

    /** The offset metadata that records {@code tp}'s deferrals; null if it has none. */
    String metadata(TopicPartition tp) {
        return metadata.get(tp);
    }

    /** Replaces what is kept for {@code tp} by {@code deferred} (rebuilt from the committed metadata). */
    void restore(TopicPartition tp, Collection<Deferred> deferred) {
        TreeMap<Long, Deferred> part = new TreeMap<>();
        deferred.forEach(d -> part.put(d.record().offset(), d));
        TreeMap<Long, Deferred> before = byPartition.put(tp, part);
        total.addAndGet(part.size() - (before == null ? 0 : before.size()));
        metadata.put(tp, encode(part));
    }

    void drop(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> {
            TreeMap<Long, Deferred> before = byPartition.remove(tp);
            if (before != null) {
                total.addAndGet(-before.size());
            }
            metadata.remove(tp);
        });
    }

    private static String encode(TreeMap<Long, Deferred> part) {
        Map<Long, DeferralCodec.Deferral> plain = new TreeMap<>();
        part.forEach((offset, d) -> plain.put(offset, new DeferralCodec.Deferral(d.notBefore(), d.attempts())));
        return DeferralCodec.encode(plain);
    }
}
