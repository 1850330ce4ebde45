package org.newsline.store.replay;

/** Where a replay job is in its life. */
public enum ReplayState {
    /** Counting what it selected, for the ETA. */
    COUNTING,
    RUNNING,
    /** Stopped on request (or by a shutdown); resumable where it stopped. */
    STOPPED,
    /** Every selected record was read; see the counts for failures. */
    DONE,
    /** Gave up on an error (Kafka unreachable, the database failing); resumable where it stopped. */
    FAILED;

    public boolean finished() {
        return this == STOPPED || this == DONE || this == FAILED;
    }
}
