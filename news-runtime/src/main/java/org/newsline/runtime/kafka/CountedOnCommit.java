package org.newsline.runtime.kafka;

import io.micrometer.core.instrument.Counter;

/**
 * A counter of what a batch did that counts only once the batch commits: {@link #add} during
 * {@link BatchProcessor#process}, {@link #commit} from {@link BatchProcessor#committed}, {@link #clear} when the next
 * batch starts (what an aborted batch added is dropped, and counted when the batch is processed again). Used on
 * the loop's thread only.
 */
public final class CountedOnCommit {

    private final Counter counter;
    private long pending;

    public CountedOnCommit(Counter counter) {
        this.counter = counter;
    }

    public void add() {
        pending++;
    }

    /** Drops what was added since the last commit: a new batch starts. */
    public void clear() {
        pending = 0;
    }

    /** The batch committed: what it added counts. */
    public void commit() {
        if (pending > 0) {
            counter.increment(pending);
            pending = 0;
        }
    }
}
