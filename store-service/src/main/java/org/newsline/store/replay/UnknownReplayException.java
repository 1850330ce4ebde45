package org.newsline.store.replay;

/** No replay job has this id (in this store's data directory). */
public final class UnknownReplayException extends RuntimeException {
    public UnknownReplayException(String id) {
        super("no replay with id " + id);
    }
}
