package org.newsline.cli.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process from {@link #start} to {@link #stop}, split by thread name: the bench's own work
 * (the replay job and its reader, or the command's main thread), the Kafka producer's I/O thread, the broker
 * and everything else with a Java thread, and what no Java thread accounts for (GC and JIT compiler threads).
 * Threads are read every 100 ms, so the time of one that ends in between is kept.
 */
final class ThreadCpu implements AutoCloseable {

    static final String WORK = "work";
    static final String KAFKA_IO = "kafka I/O";
    static final String BROKER = "broker, other";
    static final String JVM = "GC, JIT";

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> first = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final Map<Long, String> group = new HashMap<>();
    private final long processStart;
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu() {
        read(first);
        processStart = os.getProcessCpuTime();
        sampler = new Thread(() -> {
            while (running) {
                read(last);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    private synchronized void read(Map<Long, Long> into) {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0 && infos[i] != null) {
                into.put(ids[i], cpu[i]);
                group.put(ids[i], groupOf(infos[i].getThreadName()));
            }
        }
    }

    static String groupOf(String name) {
        if (name.startsWith("newsline-replay") || name.equals("main")) {
            return WORK;
        }
        if (name.startsWith("kafka-producer-network-thread")) {
            return KAFKA_IO;
        }
        return BROKER;
    }

    /** Nanoseconds per group since {@link #start}, then the process total under {@code "total"}. */
    synchronized Map<String, Long> stop() {
        running = false;
        sampler.interrupt();
        read(last);
        Map<String, Long> out = new LinkedHashMap<>();
        out.put(WORK, 0L);
        out.put(KAFKA_IO, 0L);
        out.put(BROKER, 0L);
        long sum = 0;
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            if (e.getKey() == Thread.currentThread().getId() && !WORK.equals(group.get(e.getKey()))) {
                continue;
            }
            long used = e.getValue() - first.getOrDefault(e.getKey(), 0L);
            out.merge(group.get(e.getKey()), used, Long::sum);
            sum += used;
        }
        long total = os.getProcessCpuTime() - processStart;
        out.put(JVM, Math.max(0, total - sum));
        out.put("total", total);
        return out;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
