package org.newsline.ingest.politeness;

import java.time.Duration;

/**
 * A request was not made because its host's limits (concurrency, delay, a {@code Retry-After} it sent) did not
 * allow it within the time the caller would wait; the caller puts the request aside rather than hold a thread.
 */
public final class HostBusyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final Duration waitFor;

    public HostBusyException(String host, Duration waitFor) {
        super("host " + host + " may not be asked for another " + waitFor);
        this.host = host;
        this.waitFor = waitFor;
    }

    public String host() {
        return host;
    }

    /** How long until the host's delay has passed (zero if only its concurrency is full). */
    public Duration waitFor() {
        return waitFor;
    }
}
