package org.newsline.ingest.politeness;

/** Permission to make one request to a host; close it when the request is done (closing twice is harmless). */
public final class HostPermit implements AutoCloseable {

    private final String host;
    private final String key;
    private final Runnable release;
    private boolean closed;

    HostPermit(String host, String key, Runnable release) {
        this.host = host;
        this.key = key;
        this.release = release;
    }

    /** The host asked for. */
    public String host() {
        return host;
    }

    /** The key the limits were counted under: the host's address, or its name if it did not resolve. */
    public String key() {
        return key;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
