package org.newsline.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the pipeline's counters, the consumer lag, heap and thread CPU times every half second on a thread of
 * its own, and keeps the readings for the report.
 */
final class Sampler implements AutoCloseable {

    private static final long PERIOD_MS = 500;

    private final BenchPipeline pipeline;
    private final LagProbe lag;
    private final StageCpu cpu;
    private final MemoryWatch memory;
    private final long startNanos;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private Map<String, Long> lastLag = Map.of();
    /** The counters when sampling began (after a warm-up they are not zero). */
    private final long polls0;
    private final long fetched0;
    private final long extracted0;

    Sampler(BenchPipeline pipeline, StageCpu cpu, MemoryWatch memory) {
        this.pipeline = pipeline;
        this.lag = new LagProbe(pipeline.clients());
        this.cpu = cpu;
        this.memory = memory;
        this.polls0 = (long) pipeline.count("newsline.feed.polls");
        this.fetched0 = (long) pipeline.count("newsline.pages.fetched");
        this.extracted0 = (long) pipeline.count("newsline.records.in", "stage", "extract");
        this.startNanos = System.nanoTime();
        this.thread = new Thread(this::loop, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int tick = 0;
        while (running) {
            if (tick++ % 2 == 0) {
                lastLag = lag.lag();
            }
            sampleOnce();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes a reading now (also called once more at the end, so the last reading is exact). */
    synchronized Sample sampleOnce() {
        cpu.sample();
        memory.sample();
        CommitTimingStore store = pipeline.store();
        Sample s = new Sample((System.nanoTime() - startNanos) / 1_000_000,
                (long) pipeline.count("newsline.feed.polls") - polls0,
                (long) pipeline.count("newsline.pages.fetched") - fetched0,
                (long) pipeline.count("newsline.records.in", "stage", "extract") - extracted0,
                store == null ? 0 : store.articlesStored(),
                store == null ? 0 : store.statementsStored(),
                lastLag.getOrDefault("fetch", -1L), lastLag.getOrDefault("extract", -1L),
                lastLag.getOrDefault("store", -1L),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        samples.add(s);
        return s;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lag.close();
    }
}
