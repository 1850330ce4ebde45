package org.newsline.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.newsline.events.EventCodec;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import org.newsline.store.db.Stats;

/**
 * One run of the pipeline benchmark: starts everything, feeds it, waits until every article is stored, and
 * returns the figures (see {@link BenchReport}). Two modes: {@code feeds} (the loopback site's feeds are
 * subscribed and go through poll, fetch, extract and store) and {@code raw} (news.raw is filled first, or at a
 * steady rate, and extract plus store are measured alone).
 */
public final class PipelineBench {

    /** What to run. {@code overrides} are Newsline settings (key to value) applied last. */
    public record Options(String mode, int feeds, int items, int addresses, int rawPages, double rate,
                          int extractInstances, String db, String dbUrl, Path pagesDir,
                          Map<String, String> overrides, int stallSeconds, boolean keepData, int warmup) {
    }

    /** The steady rate is measured from this stored article on (a fresh pipeline's first batches are slow). */
    static final int STEADY_FROM = 50;

    /** Settings the benchmark uses unless overridden: the loopback hosts answer at once, so no politeness delay. */
    static final Map<String, String> BENCH_DEFAULTS = Map.of(
            Settings.FETCH_ALLOW_PRIVATE.key(), "true",
            Settings.FETCH_HOST_DELAY.key(), "0ms",
            Settings.FETCH_HOST_CONCURRENCY.key(), "4");

    private PipelineBench() {
    }

    public static Map<String, Object> run(Options o, PrintStream log) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("newsline-bench");
        String loadBefore = loadAverage();
        Map<String, String> settings = new LinkedHashMap<>(BENCH_DEFAULTS);
        settings.put(Settings.DATA_DIR.key(), dataDir.toString());
        settings.put(Settings.DB_URL.key(), dbUrl(o, dataDir));
        settings.putAll(o.overrides());
        NewslineConfig config = NewslineConfig.of(settings);
        List<String> bodies = !o.mode().equals("feeds")
                ? BenchSite.loadPages(o.pagesDir()).stream().map(BenchSite::gunzip).toList() : List.of();

        LatencyRecorder latency = new LatencyRecorder();
        StageCpu cpu = new StageCpu();
        SiteProcess site = null;
        ImportProcess importer = null;
        ImportProcess.Result imported = null;
        BenchPipeline pipeline = null;
        Map<String, Object> report;
        try (MemoryWatch memory = new MemoryWatch()) {
            pipeline = BenchPipeline.startBroker(config);
            long expected;
            double produceSeconds = 0;
            Sampler sampler;
            long start;
            if (o.mode().equals("feeds")) {
                site = SiteProcess.start(o.pagesDir(), o.feeds(), o.items(), o.addresses());
                expected = site.layout().articles();
                pipeline.startServices(latency, o.extractInstances(), true);
                log.printf("bench: pipeline up, site pid %d on port %d, subscribing %d feeds%n", site.pid(),
                        site.layout().port(), o.feeds());
                cpu.reset();
                sampler = new Sampler(pipeline, cpu, memory);
                start = System.nanoTime();
                subscribe(pipeline.apiUrl(), site.layout().feedUrls());
            } else if (o.mode().equals("import")) {
                expected = o.rawPages();
                RawBacklog pages = new RawBacklog(pipeline.clients(), bodies);
                Path warc = dataDir.resolve("bench.warc.gz");
                long w0 = System.nanoTime();
                pages.writeWarc(warc, 0, o.rawPages());
                log.printf("bench: wrote %d pages to a WARC of %.1f MB in %.1f s%n", expected,
                        Files.size(warc) / 1048576.0, (System.nanoTime() - w0) / 1e9);
                pipeline.startServices(latency, o.extractInstances(), true);
                pipeline.awaitJoined();
                if (o.warmup() > 0) {
                    // a pipeline that has been running: its code compiled, its caches and pools filled
                    Path first = dataDir.resolve("warmup.warc.gz");
                    pages.writeWarc(first, o.rawPages(), o.warmup());
                    log.printf("bench: warming up with %d other pages%n", o.warmup());
                    ImportProcess.Result warm = ImportProcess.start(pipeline.clients().bootstrapServers(), first)
                            .await(3600);
                    if (warm.exitCode() != 0 || !awaitStored(pipeline, o.warmup(), o.stallSeconds(), log)) {
                        throw new IOException("the warm-up import failed: " + warm.summary());
                    }
                    pipeline.store().reset();
                    latency.clear();
                }
                cpu.reset();
                sampler = new Sampler(pipeline, cpu, memory);
                start = System.nanoTime();
                importer = ImportProcess.start(pipeline.clients().bootstrapServers(), warc);
                log.printf("bench: pipeline up; newsctl archive import running%n");
            } else {
                expected = o.rawPages();
                RawBacklog backlog = new RawBacklog(pipeline.clients(), bodies);
                if (o.rate() <= 0) {
                    log.printf("bench: producing %d raw pages%n", expected);
                    long p0 = System.nanoTime();
                    backlog.produce(0, o.rawPages(), 0);
                    produceSeconds = (System.nanoTime() - p0) / 1e9;
                    log.printf("bench: produced in %.1f s; starting extract and store%n", produceSeconds);
                    cpu.reset();
                    sampler = new Sampler(pipeline, cpu, memory);
                    start = System.nanoTime();
                    pipeline.startServices(latency, o.extractInstances(), false);
                } else {
                    pipeline.startServices(latency, o.extractInstances(), false);
                    cpu.reset();
                    sampler = new Sampler(pipeline, cpu, memory);
                    start = System.nanoTime();
                    Thread producer = new Thread(() -> backlog.produce(0, o.rawPages(), o.rate()), "bench-producer");
                    producer.setDaemon(true);
                    producer.start();
                }
            }
            boolean complete = awaitStored(pipeline, expected, o.stallSeconds(), log);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (importer != null) {
                imported = importer.await(60);
                importer = null;
            }
            sampler.sampleOnce();
            sampler.close();
            Stats stats = pipeline.store().stats();
            Map<String, Long> cpuByStage = cpu.byStage();
            long siteCpu = site == null ? -1 : site.cpuNanos();
            report = new BenchReport(o, config, expected, complete, seconds, produceSeconds, sampler.samples(),
                    latency, cpuByStage, siteCpu, memory, stats, pipeline, loadBefore, loadAverage(), imported)
                    .toMap();
        } finally {
            if (importer != null) {
                importer.destroy();
            }
            if (pipeline != null) {
                pipeline.close();
            }
            if (site != null) {
                site.close();
            }
            if (!o.keepData()) {
                deleteTree(dataDir);
            }
        }
        return report;
    }

    private static String dbUrl(Options o, Path dataDir) {
        if (o.dbUrl() != null) {
            return o.dbUrl();
        }
        if (o.db().equals("postgres")) {
            // a schema of its own per run, so runs never see each other's rows
            return "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=newsline_bench_"
                    + Long.toString(System.currentTimeMillis(), 36);
        }
        return "jdbc:sqlite:" + dataDir.resolve("newsline.db");
    }

    private static void subscribe(String api, List<String> feeds) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (String feed : feeds) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(api + "/api/feeds"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(EventCodec.encodeToString(Map.of("url", feed))))
                    .build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw new IOException("subscribing " + feed + " failed: " + res.statusCode() + " " + res.body());
            }
        }
    }

    /** Waits until {@code expected} articles are stored; false if nothing moved for {@code stallSeconds}. */
    private static boolean awaitStored(BenchPipeline pipeline, long expected, int stallSeconds, PrintStream log)
            throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        long lastLog = 0;
        while (true) {
            long stored = pipeline.store() == null ? 0 : pipeline.store().articlesStored();
            if (stored >= expected) {
                return true;
            }
            long now = System.nanoTime();
            // any stage moving is progress: the first batch of a slow stage can take long
            long progress = stored + (long) pipeline.count("newsline.pages.fetched")
                    + (long) pipeline.count("newsline.records.in", "stage", "extract");
            if (progress != last) {
                last = progress;
                lastChange = now;
            } else if (now - lastChange > stallSeconds * 1_000_000_000L) {
                log.printf("bench: no progress for %d s at %d of %d stored; giving up%n", stallSeconds, stored,
                        expected);
                return false;
            }
            if (now - lastLog > 10_000_000_000L) {
                lastLog = now;
                log.printf("bench: %d of %d stored%n", stored, expected);
            }
            Thread.sleep(50);
        }
    }

    /** The 1, 5 and 15 minute load averages of the machine. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e);
        }
    }

    /** Per-counter window: from the last reading before it moved to the first reading at its final value. */
    static double rate(List<Sample> samples, ToLongFunction<Sample> counter) {
        long end = counter.applyAsLong(samples.get(samples.size() - 1));
        if (end == 0) {
            return 0;
        }
        long from = 0;
        long to = samples.get(samples.size() - 1).millis();
        for (Sample s : samples) {
            if (counter.applyAsLong(s) == 0) {
                from = s.millis();
            }
        }
        for (Sample s : samples) {
            if (counter.applyAsLong(s) >= end) {
                to = s.millis();
                break;
            }
        }
        return to > from ? end * 1000.0 / (to - from) : 0;
    }

    static List<Sample> thin(List<Sample> samples, int rows) {
        if (samples.size() <= rows) {
            return samples;
        }
        List<Sample> out = new ArrayList<>();
        double step = (samples.size() - 1) / (double) (rows - 1);
        for (int i = 0; i < rows; i++) {
            out.add(samples.get((int) Math.round(i * step)));
        }
        return out;
    }
}
