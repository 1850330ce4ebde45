package org.newsline.cli.bench;

import java.util.Arrays;

/** Latencies in milliseconds, kept whole (a run has at most some 100,000), with exact percentiles. */
final class LatencyRecorder {

    private long[] values = new long[1024];
    private int size;

    synchronized void record(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    synchronized void clear() {
        size = 0;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0..100, nearest rank), or -1 with no values. */
    synchronized long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    synchronized long max() {
        long max = -1;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }
}
