package org.newsline.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of this process by pipeline stage, from the CPU time of its threads grouped by name. A thread's
 * time is remembered after it ends (sampling keeps its last reading). What no Java thread accounts for (GC
 * workers, JIT compilers) is the process total minus the threads' sum.
 */
final class StageCpu {

    /** Stage names, in table order, with the thread-name prefixes that belong to each. */
    static final Map<String, List<String>> STAGES = stages();

    static final String KAFKA_CLIENTS = "kafka clients";
    static final String BROKER_OTHER = "broker and other";
    static final String JVM = "JVM (GC, JIT)";

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> lastByThread = new HashMap<>();
    private final Map<Long, String> stageByThread = new HashMap<>();
    private final Map<Long, Long> baseline = new HashMap<>();
    private long processBaseline;

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("poll", List.of("newsline-poller", "newsline-feed-poll"));
        m.put("fetch", List.of("newsline-fetch", "newsline-page-fetch"));
        m.put("extract", List.of("newsline-extract", "newsline-rawpage-worker"));
        m.put("store", List.of("newsline-store"));
        m.put(KAFKA_CLIENTS, List.of("kafka-producer-network-thread", "kafka-coordinator-heartbeat-thread",
                "consumer_background_thread", "kafka-admin-client-thread"));
        return m;
    }

    static String stageOf(String threadName) {
        for (Map.Entry<String, List<String>> e : STAGES.entrySet()) {
            for (String prefix : e.getValue()) {
                if (threadName.startsWith(prefix)) {
                    return e.getKey();
                }
            }
        }
        return BROKER_OTHER;
    }

    /** Starts counting from now: CPU used before (broker start, JIT warm-up of set-up) is left out. */
    synchronized void reset() {
        sample();
        baseline.clear();
        baseline.putAll(lastByThread);
        processBaseline = os.getProcessCpuTime();
    }

    /** Reads every live thread's CPU time; call often enough that short-lived threads are seen. */
    synchronized void sample() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        java.lang.management.ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] < 0 || infos[i] == null) {
                continue;
            }
            lastByThread.put(ids[i], cpu[i]);
            stageByThread.put(ids[i], stageOf(infos[i].getThreadName()));
        }
    }

    /** Nanoseconds of CPU per stage since {@link #reset}, including {@link #JVM} and the process total. */
    synchronized Map<String, Long> byStage() {
        sample();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String stage : STAGES.keySet()) {
            out.put(stage, 0L);
        }
        out.put(BROKER_OTHER, 0L);
        long threadsTotal = 0;
        for (Map.Entry<Long, Long> e : lastByThread.entrySet()) {
            long used = e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
            out.merge(stageByThread.get(e.getKey()), used, Long::sum);
            threadsTotal += used;
        }
        long process = os.getProcessCpuTime() - processBaseline;
        out.put(JVM, Math.max(0, process - threadsTotal));
        out.put("process total", process);
        return out;
    }
}
