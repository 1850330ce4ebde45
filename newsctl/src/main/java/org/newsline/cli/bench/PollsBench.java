package org.newsline.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedSubscription;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;

/**
 * The polls benchmark: the ingest service's real poller (embedded broker, subscriptions on {@code news.feeds},
 * one Kafka transaction per round of results) against the loopback site of {@link BenchSite} in a child process,
 * {@code feeds} RSS feeds of {@code items} padded items spread over {@code addresses} loopback addresses. Three
 * phases, each measured on its own: the first poll of every feed (200, all items new; the feeds are subscribed
 * with a long interval, so nothing is polled twice), then, with every subscription changed to a short interval
 * so that every feed is always due and the poller runs flat out, conditional polls answered 304 and full polls
 * answered 200 with one new item each, in {@code rounds} rounds (the first pays for most of the JIT compiler's
 * work). Page fetching does not run.
 */
public final class PollsBench {

    /** What to run. {@code overrides} are Newsline settings (key to value) applied last. */
    public record Options(int feeds, int items, int itemBytes, int addresses, Duration interval, int phasePolls,
                          int rounds, int maxSeconds, Map<String, String> overrides, boolean keepData) {
    }

    /**
     * Settings the benchmark uses unless overridden: loopback allowed, and politeness lowered for the loopback
     * hosts alone (2 requests at once, 100 ms apart, instead of 2 and 1 s); every other setting is the default.
     */
    static final Map<String, String> BENCH_DEFAULTS = Map.of(
            Settings.FETCH_ALLOW_PRIVATE.key(), "true",
            Settings.FETCH_HOST_OVERRIDES.key(), "127.*=2/100ms");

    private static final long TICK_MS = 100;
    /** The interval of the first phase: long, so that no feed is polled twice before all were polled once. */
    static final Duration FIRST_PHASE_INTERVAL = Duration.ofHours(1);

    private PollsBench() {
    }

    /** Poll counts of the poller's metrics. */
    private record Counts(long ok, long notModified, long errors, long newItems) {
        static Counts read(BenchPipeline p) {
            return new Counts((long) p.count("newsline.feed.polls", "outcome", "ok"),
                    (long) p.count("newsline.feed.polls", "outcome", "not_modified"),
                    (long) p.count("newsline.feed.polls", "outcome", "error"),
                    (long) p.count("newsline.feed.new.items"));
        }

        long total() {
            return ok + notModified + errors;
        }

        Counts minus(Counts o) {
            return new Counts(ok - o.ok, notModified - o.notModified, errors - o.errors, newItems - o.newItems);
        }
    }

    /** The site's own counts ({@code stats} answer). */
    private record SiteStats(long full, long notModified, long bytes) {
        static SiteStats of(SiteProcess site) throws IOException {
            Map<String, Long> v = new LinkedHashMap<>();
            for (String part : site.command("stats").split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    v.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
                }
            }
            return new SiteStats(v.getOrDefault("feeds200", 0L), v.getOrDefault("feeds304", 0L),
                    v.getOrDefault("feedBytes", 0L));
        }
    }

    public static Map<String, Object> run(Options o, PrintStream log) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("newsline-polls-bench");
        String loadBefore = PipelineBench.loadAverage();
        Map<String, String> settings = new LinkedHashMap<>(BENCH_DEFAULTS);
        settings.put(Settings.DATA_DIR.key(), dataDir.toString());
        settings.putAll(o.overrides());
        NewslineConfig config = NewslineConfig.of(settings);
        StageCpu cpu = new StageCpu();
        SiteProcess site = null;
        BenchPipeline pipeline = null;
        Map<String, Object> report = new LinkedHashMap<>();
        List<Map<String, Object>> phases = new ArrayList<>();
        try (MemoryWatch memory = new MemoryWatch()) {
            site = SiteProcess.start(null, o.feeds(), o.items(), o.addresses(), o.itemBytes());
            pipeline = BenchPipeline.startBroker(config);
            log.printf("bench: broker up, site pid %d on port %d; subscribing %d feeds%n", site.pid(),
                    site.layout().port(), o.feeds());
            subscribe(pipeline, site.layout(), FIRST_PHASE_INTERVAL);
            cpu.reset();
            pipeline.startPollerOnly();
            long feeds = o.feeds();
            // the first phase ends when every feed was polled once; the others after phasePolls polls
            phases.add(measure("first poll (200, " + o.items() + " new items)", null,
                    (all, phase) -> all.ok() >= feeds, true, pipeline, site, cpu, memory, o, log));
            log.printf("bench: every subscription's interval set to %s%n", o.interval());
            subscribe(pipeline, site.layout(), o.interval());
            // later rounds run in a JVM whose compiler has done most of its work: the steady state
            for (int round = 1; round <= o.rounds(); round++) {
                String suffix = o.rounds() > 1 ? ", round " + round : "";
                phases.add(measure("conditional (304)" + suffix, "conditional",
                        (all, phase) -> phase.total() >= o.phasePolls(), false, pipeline, site, cpu, memory, o, log));
                phases.add(measure("full (200, 1 new item)" + suffix, "changing",
                        (all, phase) -> phase.total() >= o.phasePolls(), false, pipeline, site, cpu, memory, o, log));
            }
            report.put("settings", settings(o, config, site.layout(), loadBefore));
            report.put("phases", phases);
        } finally {
            if (pipeline != null) {
                pipeline.close();
            }
            if (site != null) {
                site.close();
            }
            if (!o.keepData()) {
                PipelineBench.deleteTree(dataDir);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) report.get("settings");
        s.put("loadAverageAfter", PipelineBench.loadAverage());
        boolean complete = phases.stream().allMatch(p -> Boolean.TRUE.equals(p.get("complete")));
        report.put("complete", complete);
        return report;
    }

    private static void subscribe(BenchPipeline pipeline, SiteLayout layout, Duration interval) {
        String topic = Topic.FEEDS.name(pipeline.config().topicPrefix());
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = pipeline.clients().producer(null)) {
            for (String url : layout.feedUrls()) {
                FeedSubscription sub = FeedSubscription.of(url, null, List.of("bench"), interval, now);
                producer.send(new ProducerRecord<>(topic, sub.feedId(), EventCodec.encode(sub)));
            }
            producer.flush();
        }
    }

    /**
     * Runs one phase: switches the site's mode, then reads the counters every {@value #TICK_MS} ms until
     * {@code done} holds for the counts since the start and those of the phase (or the time limit passes), and
     * returns the phase's figures. With
     * {@code fromFirstPoll} the clock starts at the first finished poll, not at the call (the poller's start,
     * its join of the group and its reading of the feed tables are not polling).
     */
    private static Map<String, Object> measure(String name, String siteMode, BiPredicate<Counts, Counts> done,
                                               boolean fromFirstPoll, BenchPipeline p, SiteProcess site,
                                               StageCpu cpu, MemoryWatch memory, Options o, PrintStream log)
            throws IOException, InterruptedException {
        if (siteMode != null) {
            site.command(siteMode);
        }
        Counts before = Counts.read(p);
        long limit = System.nanoTime() + o.maxSeconds() * 1_000_000_000L;
        if (fromFirstPoll) {
            while (Counts.read(p).total() == before.total() && System.nanoTime() < limit) {
                Thread.sleep(10);
            }
            before = Counts.read(p);
        }
        SiteStats siteBefore = SiteStats.of(site);
        long siteCpuBefore = site.cpuNanos();
        memory.resetPeaks();
        cpu.reset();
        long start = System.nanoTime();
        long lastLog = start;
        int tick = 0;
        Counts now = before;
        boolean complete;
        while (true) {
            now = Counts.read(p);
            if (done.test(now, now.minus(before))) {
                complete = true;
                break;
            }
            long t = System.nanoTime();
            if (t > limit) {
                complete = false;
                log.printf("bench: %s: gave up after %d s%n", name, o.maxSeconds());
                break;
            }
            memory.sample();
            if (++tick % 5 == 0) {
                cpu.sample();
            }
            if (t - lastLog > 10_000_000_000L) {
                lastLog = t;
                Counts d = now.minus(before);
                log.printf("bench: %s: %d polls in %.0f s (%d 200, %d 304, %d errors)%n", name, d.total(),
                        (t - start) / 1e9, d.ok(), d.notModified(), d.errors());
            }
            Thread.sleep(TICK_MS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        memory.sample();
        Map<String, Long> cpuByStage = cpu.byStage();
        long siteCpu = site.cpuNanos() - siteCpuBefore;
        SiteStats siteAfter = SiteStats.of(site);
        Counts d = now.minus(before);
        long liveHeap = MemoryWatch.liveHeapNow();
        log.printf("bench: %s: %d polls in %.1f s%n", name, d.total(), seconds);
        return phase(name, complete, seconds, d, cpuByStage, siteCpu, siteBefore, siteAfter, memory, liveHeap);
    }

    private static Map<String, Object> phase(String name, boolean complete, double seconds, Counts d,
                                             Map<String, Long> cpu, long siteCpu, SiteStats siteBefore,
                                             SiteStats siteAfter, MemoryWatch memory, long liveHeap) {
        long polls = Math.max(1, d.total());
        long ingest = cpu.getOrDefault("poll", 0L) + cpu.getOrDefault(StageCpu.KAFKA_CLIENTS, 0L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", name);
        m.put("complete", complete);
        m.put("polls", d.total());
        m.put("seconds", round(seconds, 1));
        m.put("pollsPerSecond", round(d.total() / seconds, 0));
        m.put("answered200", d.ok());
        m.put("answered304", d.notModified());
        m.put("errors", d.errors());
        m.put("newItems", d.newItems());
        long served = siteAfter.full() - siteBefore.full();
        m.put("siteAnswered200", served);
        m.put("siteAnswered304", siteAfter.notModified() - siteBefore.notModified());
        m.put("averageFeedBytes", served == 0 ? 0 : (siteAfter.bytes() - siteBefore.bytes()) / served);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ingestSeconds", round(ingest / 1e9, 2));
        c.put("pollThreadsSeconds", round(cpu.getOrDefault("poll", 0L) / 1e9, 2));
        c.put("kafkaClientsSeconds", round(cpu.getOrDefault(StageCpu.KAFKA_CLIENTS, 0L) / 1e9, 2));
        c.put("brokerAndOtherSeconds", round(cpu.getOrDefault(StageCpu.BROKER_OTHER, 0L) / 1e9, 2));
        c.put("jvmSeconds", round(cpu.getOrDefault(StageCpu.JVM, 0L) / 1e9, 2));
        c.put("processSeconds", round(cpu.getOrDefault("process total", 0L) / 1e9, 2));
        c.put("siteProcessSeconds", siteCpu < 0 ? -1 : round(siteCpu / 1e9, 2));
        c.put("ingestMsPerPoll", round(ingest / 1e6 / polls, 3));
        c.put("processMsPerPoll", round(cpu.getOrDefault("process total", 0L) / 1e6 / polls, 3));
        c.put("siteMsPerPoll", siteCpu < 0 ? -1 : round(siteCpu / 1e6 / polls, 3));
        m.put("cpu", c);
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("peakHeapAfterGcMb", memory.peakHeapAfterGc() >> 20);
        mem.put("peakHeapUsedMb", memory.peakHeapUsed() >> 20);
        mem.put("liveHeapAtEndMb", liveHeap >> 20);
        mem.put("gcPauses", memory.pauses());
        mem.put("gcPauseTotalMs", memory.pauseTotalMs());
        mem.put("gcPauseMaxMs", memory.pauseMaxMs());
        m.put("memory", mem);
        return m;
    }

    private static Map<String, Object> settings(Options o, NewslineConfig config, SiteLayout layout,
                                                String loadBefore) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("feeds", o.feeds());
        s.put("itemsPerFeed", o.items());
        s.put("itemBytes", o.itemBytes());
        s.put("addresses", o.addresses() + " (" + layout.host(0) + " .. " + layout.host(o.addresses() - 1) + ")");
        s.put("subscriptionInterval", FIRST_PHASE_INTERVAL + " for the first polls, then " + o.interval());
        s.put("pollsPerPhase", o.phasePolls());
        List<String> shown = List.of(Settings.TOPIC_PARTITIONS.key(), Settings.BATCH_SIZE.key(),
                Settings.FETCH_THREADS.key(), Settings.FETCH_HOST_CONCURRENCY.key(), Settings.FETCH_HOST_DELAY.key(),
                Settings.FETCH_HOST_OVERRIDES.key(), Settings.FETCH_ALLOW_PRIVATE.key());
        for (NewslineConfig.Row row : config.describe()) {
            if (shown.contains(row.key())) {
                s.put(row.key(), row.value());
            }
        }
        s.put("overrides", o.overrides());
        s.put("cores", Runtime.getRuntime().availableProcessors());
        s.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        s.put("java", System.getProperty("java.version"));
        s.put("loadAverageBefore", loadBefore);
        return s;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Prints the settings as a two-column table, then one row per phase. */
    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> report, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"[settings]", ""});
        for (Map.Entry<String, Object> e : ((Map<String, Object>) report.get("settings")).entrySet()) {
            rows.add(new String[] {"  " + e.getKey(), String.valueOf(e.getValue())});
        }
        BenchReport.printRows(rows, out);
        out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"phase", "polls", "s", "polls/s", "200/304/err", "new items", "feed bytes",
                "ingest cpu s (ms/poll)", "broker cpu s", "jvm cpu s", "site cpu s (ms/poll)",
                "heap after gc peak MB", "live heap MB", "gc pauses (max ms)"});
        for (Map<String, Object> p : (List<Map<String, Object>>) report.get("phases")) {
            Map<String, Object> c = (Map<String, Object>) p.get("cpu");
            Map<String, Object> m = (Map<String, Object>) p.get("memory");
            table.add(new String[] {
                    p.get("phase") + (Boolean.TRUE.equals(p.get("complete")) ? "" : " (incomplete)"),
                    String.valueOf(p.get("polls")), String.valueOf(p.get("seconds")),
                    String.format("%.0f", (Double) p.get("pollsPerSecond")),
                    p.get("answered200") + "/" + p.get("answered304") + "/" + p.get("errors"),
                    String.valueOf(p.get("newItems")), String.valueOf(p.get("averageFeedBytes")),
                    c.get("ingestSeconds") + " (" + c.get("ingestMsPerPoll") + ")",
                    String.valueOf(c.get("brokerAndOtherSeconds")), String.valueOf(c.get("jvmSeconds")),
                    c.get("siteProcessSeconds") + " (" + c.get("siteMsPerPoll") + ")",
                    String.valueOf(m.get("peakHeapAfterGcMb")), String.valueOf(m.get("liveHeapAtEndMb")),
                    m.get("gcPauses") + " (" + m.get("gcPauseMaxMs") + ")"});
        }
        BenchReport.printRows(table, out);
    }
}
