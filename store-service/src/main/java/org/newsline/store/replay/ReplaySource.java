package org.newsline.store.replay;

/** The archive's side of a replay: what it selected, a chunk at a time, in a stable order. */
interface ReplaySource {

    /** How many items the replay selects (may page through the listing once). */
    long count();

    /** The chunk after {@code position}; its {@link Chunk#next()} is {@link Position#END} after the last. */
    Chunk next(Position position);
}
