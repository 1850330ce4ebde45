package org.newsline.cli.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.cli.bench.LagProbe;
import org.newsline.cli.bench.RawBacklog;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * Backpressure and bounded memory: a burst of raw pages produced onto {@code news.raw} as fast as the broker takes
 * them, while the store's database (a PostgreSQL of the run's own) is down for a while, with the pipeline in one
 * JVM ({@code newsctl up}) or as separate processes (broker, extract, store). Each process logs its collections;
 * the run reports the heap after GC against the limit, whether any process ran out of memory or died, the lag of
 * extract and store over time, how long the pipeline took to catch up, and that every page is stored once.
 */
final class BackpressureRun {

    /** How the pipeline runs: one process at {@code heap}, or broker, extract and store each at {@code heap}. */
    record Setup(String name, boolean oneProcess, String heap) {
    }

    /** One process's memory at the end of a run. */
    record Memory(String process, String heap, GcLog gc, boolean alive, boolean outOfMemory) {
        long maxBytes() {
            return parseSize(heap);
        }
    }

    /** One reading of the timeline. */
    record Reading(long second, long produced, long extractLag, long storeLag, String stored, Map<String, Long> heap) {
    }

    /** What a run gives. */
    record Outcome(Setup setup, int pages, long stored, long distinct, long rawStored, double produceSeconds,
                   long dbDownAt, long dbUpAt, long caughtUpAt, long peakExtractLag, long peakStoreLag,
                   List<Memory> memory, List<Reading> timeline) {
        boolean passed() {
            return stored == pages && distinct == pages && caughtUpAt >= 0
                    && memory.stream().allMatch(m -> m.alive() && !m.outOfMemory()
                    && m.gc().peakAfterGcBytes() < m.maxBytes());
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final int CHUNK = 500;

    private final Path workDir;
    private final List<String> bodies;
    private final int pages;
    private final Duration dbDown;
    private final Duration dbDownAfter;
    private final Duration stallTimeout;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    BackpressureRun(Path workDir, List<String> bodies, int pages, Duration dbDown, Duration dbDownAfter,
                    Duration stallTimeout, PrintStream log) {
        this.workDir = workDir;
        this.bodies = bodies;
        this.pages = pages;
        this.dbDown = dbDown;
        this.dbDownAfter = dbDownAfter;
        this.stallTimeout = stallTimeout;
        this.log = log;
    }

    Outcome run(Setup setup) throws Exception {
        Path dir = workDir.resolve(setup.name());
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            Postgres postgres = new Postgres(dir.resolve("postgres"), EmbeddedBroker.freePort());
            postgres.start();
            toClose.add(postgres);
            int kafkaPort = EmbeddedBroker.freePort();
            String bootstrap = "127.0.0.1:" + kafkaPort;
            Map<String, Path> gcLogs = new LinkedHashMap<>();
            List<ChildProcess> processes = new ArrayList<>();
            if (setup.oneProcess()) {
                int port = EmbeddedBroker.freePort();
                processes.add(process("up", "org.newsline.cli.Newsctl", List.of("up", "--data-dir",
                        dir.resolve("up").toString(), "--http-port", String.valueOf(port), "--kafka-port",
                        String.valueOf(kafkaPort), "--db-url", postgres.jdbcUrl()), setup.heap(), Map.of(), logs,
                        port, gcLogs));
            } else {
                // the broker is not a service; it gets what the fault suite gives it
                ChildProcess broker = new ChildProcess("broker", "org.newsline.cli.Newsctl", List.of("broker",
                        "--data-dir", dir.resolve("kafka").toString(), "--port", String.valueOf(kafkaPort)),
                        List.of("-Xmx1g", GcLog.option(logs.resolve("broker-gc.log"))), Map.of(), logs,
                        () -> true);
                gcLogs.put("broker", logs.resolve("broker-gc.log"));
                processes.add(broker);
                toClose.add(broker);
                broker.start();
                Map<String, String> common = Map.of("NEWSLINE_BOOTSTRAP_SERVERS", bootstrap);
                Map<String, String> storeEnv = new HashMap<>(common);
                storeEnv.put("NEWSLINE_DB_URL", postgres.jdbcUrl());
                processes.add(service(dir, "extract", "org.newsline.extract.ExtractMain", setup.heap(), common,
                        logs, gcLogs));
                processes.add(service(dir, "store", "org.newsline.store.StoreMain", setup.heap(), storeEnv, logs,
                        gcLogs));
            }
            toClose.addAll(processes);
            for (ChildProcess p : processes) {
                if (!p.alive()) {
                    p.start();
                }
            }
            for (ChildProcess p : processes) {
                if (!p.awaitReady(READY_TIMEOUT)) {
                    throw new IllegalStateException(p.name() + " did not start; see " + p.log());
                }
            }
            KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", bootstrap)));
            note(setup, "%s up (%s); producing %,d raw pages onto news.raw", processes.stream()
                    .map(ChildProcess::name).toList(), setup.heap(), pages);
            return measure(setup, postgres, clients, processes, gcLogs);
        } finally {
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception e) {
                    log.println("backpressure: while stopping: " + e);
                }
            }
        }
    }

    private Outcome measure(Setup setup, Postgres postgres, KafkaClients clients, List<ChildProcess> processes,
                            Map<String, Path> gcLogs) throws Exception {
        AtomicLong produced = new AtomicLong();
        long start = System.nanoTime();
        AtomicLong producedAtNanos = new AtomicLong();
        RawBacklog backlog = new RawBacklog(clients, bodies);
        Thread producer = new Thread(() -> {
            for (int first = 0; first < pages; first += CHUNK) {
                int n = Math.min(CHUNK, pages - first);
                backlog.produce(first, n, 0);
                produced.addAndGet(n);
            }
            producedAtNanos.set(System.nanoTime());
        }, "backpressure-producer");
        producer.setDaemon(true);
        producer.start();

        List<Reading> timeline = new ArrayList<>();
        long dbDownAt = -1;
        long dbUpAt = -1;
        long caughtUpAt = -1;
        long peakExtract = 0;
        long peakStore = 0;
        long lastProgress = System.nanoTime();
        long lastStored = -1;
        long lastNote = 0;
        try (LagProbe lag = new LagProbe(clients)) {
            while (true) {
                long second = (System.nanoTime() - start) / 1_000_000_000L;
                if (dbDownAt < 0 && second >= dbDownAfter.toSeconds()) {
                    postgres.stop();
                    dbDownAt = second;
                    note(setup, "PostgreSQL stopped for %d s", dbDown.toSeconds());
                }
                if (dbDownAt >= 0 && dbUpAt < 0 && second >= dbDownAt + dbDown.toSeconds()) {
                    postgres.start();
                    dbUpAt = (System.nanoTime() - start) / 1_000_000_000L;
                    note(setup, "PostgreSQL started again");
                }
                Map<String, Long> lags = lag.lag();
                long stored = dbUpAt >= 0 || dbDownAt < 0 ? countOrMinus(postgres, "articles") : -1;
                Map<String, Long> heap = new LinkedHashMap<>();
                for (Map.Entry<String, Path> e : gcLogs.entrySet()) {
                    heap.put(e.getKey(), GcLog.read(e.getValue()).lastAfterGcBytes());
                }
                long extractLag = lags.getOrDefault("extract", -1L);
                long storeLag = lags.getOrDefault("store", -1L);
                peakExtract = Math.max(peakExtract, extractLag);
                peakStore = Math.max(peakStore, storeLag);
                timeline.add(new Reading(second, produced.get(), extractLag, storeLag,
                        stored < 0 ? "down" : String.valueOf(stored), heap));
                if (stored >= pages && dbUpAt >= 0) {
                    caughtUpAt = second;
                    break;
                }
                long progress = stored + extractLag * 7 + storeLag * 13 + produced.get();
                if (progress != lastStored) {
                    lastStored = progress;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos() && dbUpAt >= 0) {
                    note(setup, "no progress for %d s; giving up", stallTimeout.toSeconds());
                    break;
                }
                if (processes.stream().anyMatch(p -> !p.alive())) {
                    note(setup, "a process died: %s", processes.stream().filter(p -> !p.alive())
                            .map(ChildProcess::name).toList());
                    break;
                }
                if (second - lastNote >= 30) {
                    lastNote = second;
                    note(setup, "produced %,d, lag extract %,d, store %,d, stored %s", produced.get(), extractLag,
                            storeLag, stored < 0 ? "(database down)" : String.format("%,d", stored));
                }
                Thread.sleep(2000);
            }
        }
        if (dbUpAt < 0) {
            postgres.start();
        }
        producer.join(60_000);
        double produceSeconds = producedAtNanos.get() == 0 ? -1 : (producedAtNanos.get() - start) / 1e9;
        List<Memory> memory = new ArrayList<>();
        for (ChildProcess p : processes) {
            String heap = p.name().equals("broker") ? "1g" : setup.heap();
            boolean oom = Files.readString(p.log()).contains("OutOfMemoryError");
            memory.add(new Memory(p.name(), heap, GcLog.read(gcLogs.get(p.name())), p.alive(), oom));
        }
        long stored = countOrMinus(postgres, "articles");
        long distinct = count(postgres, "SELECT count(DISTINCT article_id) FROM articles");
        long raw = countOrMinus(postgres, "raw_pages");
        return new Outcome(setup, pages, stored, distinct, raw, produceSeconds, dbDownAt, dbUpAt, caughtUpAt,
                peakExtract, peakStore, memory, timeline);
    }

    private ChildProcess process(String name, String mainClass, List<String> args, String heap,
                                 Map<String, String> env, Path logs, int port, Map<String, Path> gcLogs) {
        Path gc = logs.resolve(name + "-gc.log");
        gcLogs.put(name, gc);
        // as a user runs it: the default collector and compilers, only the heap limit set
        return new ChildProcess(name, mainClass, args, List.of("-Xmx" + heap, GcLog.option(gc)), env, logs,
                () -> HealthProbe.healthy(http, port));
    }

    private ChildProcess service(Path dir, String name, String mainClass, String heap, Map<String, String> common,
                                 Path logs, Map<String, Path> gcLogs) throws IOException {
        int port = EmbeddedBroker.freePort();
        Map<String, String> env = new HashMap<>(common);
        env.put("NEWSLINE_HTTP_PORT", String.valueOf(port));
        env.put("NEWSLINE_INSTANCE_ID", "backpressure-" + name);
        env.put("NEWSLINE_DATA_DIR", dir.resolve(name).toString());
        return process(name, mainClass, List.of(), heap, env, logs, port, gcLogs);
    }

    private static long countOrMinus(Postgres postgres, String table) {
        try {
            return count(postgres, "SELECT count(*) FROM " + table);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static long count(Postgres postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl() + "&connectTimeout=2");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static long parseSize(String heap) {
        String h = heap.toLowerCase(java.util.Locale.ROOT);
        long n = Long.parseLong(h.replaceAll("[kmg]$", ""));
        return h.endsWith("g") ? n << 30 : h.endsWith("m") ? n << 20 : h.endsWith("k") ? n << 10 : n;
    }

    private void note(Setup setup, String format, Object... args) {
        log.printf("backpressure: %s: " + format + "%n", prepend(setup.name(), args));
        log.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
