package org.newsline.store.replay;

import java.util.function.BooleanSupplier;

/** Spaces records evenly at {@code perSecond} (0: no limit); a wait ends early when {@code stop} says so. */
final class RateLimiter {

    private static final long SLICE_NANOS = 50_000_000L;

    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    void acquire(BooleanSupplier stop) throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (next < now - intervalNanos) {
            next = now; // after a pause (a gate, a slow read) start afresh rather than burst to catch up
        }
        long wait = next - now;
        next += intervalNanos;
        while (wait > 0 && !stop.getAsBoolean()) {
            long slice = Math.min(wait, SLICE_NANOS);
            Thread.sleep(slice / 1_000_000L, (int) (slice % 1_000_000L));
            wait -= slice;
        }
    }
}
