package org.newsline.ingest.poll;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Feeds by the time they are due, earliest first, so that a backlog (many feeds due at once, after a restart or
 * an import) is worked off in order and no feed waits behind others that became due after it. Scheduling a feed
 * again replaces its earlier time. Not thread-safe: the poller's thread owns it.
 */
final class PollQueue {

    private record Due(Instant due, long seq, String feedId) {
    }

    private final PriorityQueue<Due> heap = new PriorityQueue<>(
            Comparator.comparing(Due::due).thenComparingLong(Due::seq));
    private final Map<String, Due> current = new HashMap<>();
    private long seq;

    /** Feed {@code feedId} is due at {@code due} (and no longer at any time it was due before). */
    void schedule(String feedId, Instant due) {
        Due e = new Due(due, seq++, feedId);
        current.put(feedId, e);
        heap.add(e);
        if (heap.size() > 2 * current.size() + 1024) {
            // replaced entries stay in the heap until they surface; drop them all once they outnumber the live
            heap.clear();
            heap.addAll(current.values());
        }
    }

    void remove(String feedId) {
        current.remove(feedId);
    }

    /** The feed due first if it is due at {@code now}, taken out of the queue; else null. */
    String takeDue(Instant now) {
        Due head = head();
        if (head == null || head.due().isAfter(now)) {
            return null;
        }
        heap.poll();
        current.remove(head.feedId());
        return head.feedId();
    }

    /** When the first feed is due, or null if none is queued. */
    Instant nextDue() {
        Due head = head();
        return head == null ? null : head.due();
    }

    int size() {
        return current.size();
    }

    private Due head() {
        while (!heap.isEmpty()) {
            Due e = heap.peek();
            if (current.get(e.feedId()) == e) {
                return e;
            }
            heap.poll();
        }
        return null;
    }
}
