package org.newsline.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap, resident memory and GC pauses of this process. Pauses come from the GC's own notifications (one per
 * collection, its duration); collectors that run concurrently with the application (G1's concurrent cycle,
 * ZGC's cycles) are not pauses and are left out. The same notifications give the heap used right after each
 * collection, whose peak is what the process needed (sampled use also counts garbage not yet collected).
 */
final class MemoryWatch implements AutoCloseable {

    private final List<Runnable> unregister = new ArrayList<>();
    private long pauses;
    private long pauseTotalMs;
    private long pauseMaxMs;
    private long peakHeapUsed;
    private long peakHeapAfterGc;
    private long peakRss;
    private final java.util.Set<String> heapPools = heapPools();

    private static java.util.Set<String> heapPools() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                names.add(pool.getName());
            }
        }
        return names;
    }

    MemoryWatch() {
        NotificationListener listener = (n, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            if (info.getGcName().contains("Concurrent") || info.getGcName().contains("Cycles")) {
                return;
            }
            long after = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    after += e.getValue().getUsed();
                }
            }
            recordAfterGc(after);
            recordPause(info.getGcInfo().getDuration());
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
    }

    private synchronized void recordPause(long ms) {
        pauses++;
        pauseTotalMs += ms;
        pauseMaxMs = Math.max(pauseMaxMs, ms);
    }

    private synchronized void recordAfterGc(long used) {
        peakHeapAfterGc = Math.max(peakHeapAfterGc, used);
    }

    /** The highest heap use right after a collection since the start or {@link #resetPeaks}. */
    synchronized long peakHeapAfterGc() {
        return peakHeapAfterGc;
    }

    /** Starts the peaks and pause counts afresh (for the next phase of a benchmark). */
    synchronized void resetPeaks() {
        peakHeapUsed = 0;
        peakHeapAfterGc = 0;
        pauses = 0;
        pauseTotalMs = 0;
        pauseMaxMs = 0;
    }

    /** The heap in use after a full collection, that is, what is live now (forces one: call between phases). */
    static long liveHeapNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    synchronized void sample() {
        peakHeapUsed = Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        peakRss = Math.max(peakRss, rssBytes());
    }

    synchronized long pauses() {
        return pauses;
    }

    synchronized long pauseTotalMs() {
        return pauseTotalMs;
    }

    synchronized long pauseMaxMs() {
        return pauseMaxMs;
    }

    synchronized long peakHeapUsed() {
        return peakHeapUsed;
    }

    /** The highest resident set seen by sampling, or the kernel's high-water mark if higher. */
    synchronized long peakRss() {
        return Math.max(peakRss, statusKb("VmHWM:") * 1024);
    }

    static long rssBytes() {
        return statusKb("VmRSS:") * 1024;
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
    }
}
