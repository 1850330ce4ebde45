package org.newsline.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import org.newsline.store.db.Stats;

/** The figures of one run as an ordered map (the JSON), and the table printed from it. */
final class BenchReport {

    private final Map<String, Object> map = new LinkedHashMap<>();

    BenchReport(PipelineBench.Options o, NewslineConfig config, long expected, boolean complete, double seconds,
                double produceSeconds, List<Sample> samples, LatencyRecorder latency, Map<String, Long> cpu,
                long siteCpuNanos, MemoryWatch memory, Stats stats, BenchPipeline pipeline, String loadBefore,
                String loadAfter, ImportProcess.Result imported) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", o.mode());
        if (o.mode().equals("feeds")) {
            settings.put("feeds", o.feeds());
            settings.put("itemsPerFeed", o.items());
            settings.put("addresses", o.addresses());
        } else if (o.mode().equals("import")) {
            settings.put("warcPages", o.rawPages());
            settings.put("warmupPages", o.warmup());
        } else {
            settings.put("rawPages", o.rawPages());
            settings.put("ratePerSecond", o.rate() > 0 ? o.rate() : "as fast as possible");
        }
        settings.put("db", config.dbUrl().startsWith("jdbc:sqlite") ? "sqlite" : "postgresql");
        settings.put("extractInstances", o.extractInstances());
        List<String> shown = List.of(Settings.TOPIC_PARTITIONS.key(), Settings.BATCH_SIZE.key(),
                Settings.FETCH_THREADS.key(), Settings.FETCH_HOST_CONCURRENCY.key(), Settings.FETCH_HOST_DELAY.key());
        for (NewslineConfig.Row row : config.describe()) {
            if (shown.contains(row.key())) {
                settings.put(row.key(), row.value());
            }
        }
        settings.put("overrides", o.overrides());
        settings.put("cores", Runtime.getRuntime().availableProcessors());
        settings.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        settings.put("java", System.getProperty("java.version"));
        settings.put("loadAverageBefore", loadBefore);
        settings.put("loadAverageAfter", loadAfter);
        map.put("settings", settings);

        Sample last = samples.get(samples.size() - 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("complete", complete);
        result.put("expectedArticles", expected);
        result.put("articlesStored", last.stored());
        result.put("statementsStored", last.statements());
        result.put("stats", stats);
        result.put("wallSeconds", round(seconds, 1));
        if (produceSeconds > 0) {
            result.put("rawProducedPerSecond", round(expected / produceSeconds, 1));
        }
        map.put("result", result);

        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("feedPollsPerSecond", round(PipelineBench.rate(samples, Sample::polls), 1));
        throughput.put("pagesFetchedPerSecond", round(PipelineBench.rate(samples, Sample::fetched), 1));
        throughput.put("articlesExtractedPerSecond", round(PipelineBench.rate(samples, Sample::extracted), 1));
        throughput.put("articlesStoredPerSecond", round(PipelineBench.rate(samples, Sample::stored), 1));
        throughput.put("statementsStoredPerSecond", round(PipelineBench.rate(samples, Sample::statements), 1));
        throughput.put("endToEndArticlesPerSecond", round(last.stored() / seconds, 1));
        double[] steady = pipeline.store().rateFrom(PipelineBench.STEADY_FROM);
        throughput.put("articlesStoredPerSecondFrom" + PipelineBench.STEADY_FROM + "th", round(steady[0], 1));
        throughput.put("statementsStoredPerSecondFrom" + PipelineBench.STEADY_FROM + "th", round(steady[1], 1));
        throughput.put("steadyWindowSeconds", round(steady[2], 2));
        map.put("throughput", throughput);

        if (imported != null) {
            Map<String, Object> imp = new LinkedHashMap<>();
            imp.put("command", "newsctl archive import (child JVM, default settings)");
            imp.put("exitCode", imported.exitCode());
            imp.put("summary", imported.summary());
            imp.put("wallSeconds", round(imported.seconds(), 2));
            imp.put("pagesPerSecond", round(expected / imported.seconds(), 1));
            imp.put("cpuSeconds", round(imported.cpuSeconds(), 2));
            imp.put("cpuMsPerPage", round(imported.cpuSeconds() * 1000 / Math.max(1, expected), 2));
            map.put("import", imp);
        }

        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("definition", o.mode().equals("import")
                ? "store commit minus the WARC record's date (written before the run: not a pipeline latency)"
                : "store commit (putArticles returned) minus the article's fetchedAt");
        lat.put("count", latency.count());
        lat.put("p50Ms", latency.percentile(50));
        lat.put("p95Ms", latency.percentile(95));
        lat.put("p99Ms", latency.percentile(99));
        lat.put("maxMs", latency.max());
        map.put("latency", lat);

        Map<String, Object> cpuMap = new LinkedHashMap<>();
        long articles = Math.max(1, last.stored());
        for (Map.Entry<String, Long> e : cpu.entrySet()) {
            cpuMap.put(e.getKey(), Map.of("seconds", round(e.getValue() / 1e9, 2),
                    "msPerArticle", round(e.getValue() / 1e6 / articles, 2)));
        }
        if (siteCpuNanos >= 0) {
            cpuMap.put("site process (not in total)", Map.of("seconds", round(siteCpuNanos / 1e9, 2),
                    "msPerArticle", round(siteCpuNanos / 1e6 / articles, 2)));
        }
        map.put("cpu", cpuMap);

        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("peakHeapUsedMb", memory.peakHeapUsed() >> 20);
        mem.put("peakRssMb", memory.peakRss() >> 20);
        mem.put("gcPauses", memory.pauses());
        mem.put("gcPauseTotalMs", memory.pauseTotalMs());
        mem.put("gcPauseMaxMs", memory.pauseMaxMs());
        mem.put("gcPausePercentOfWall", round(memory.pauseTotalMs() / 10.0 / seconds, 2));
        map.put("memory", mem);

        Map<String, Object> split = new LinkedHashMap<>();
        split.put("partitionsByInstance", pipeline.extractPartitions());
        split.put("recordsByInstance", pipeline.extractedByInstance());
        map.put("extractSplit", split);

        List<Map<String, Object>> lag = new ArrayList<>();
        for (Sample s : PipelineBench.thin(samples, 12)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seconds", round(s.millis() / 1000.0, 1));
            row.put("fetched", s.fetched());
            row.put("extracted", s.extracted());
            row.put("stored", s.stored());
            row.put("lagFetch", s.lagFetch());
            row.put("lagExtract", s.lagExtract());
            row.put("lagStore", s.lagStore());
            row.put("heapMb", s.heapUsed() >> 20);
            lag.add(row);
        }
        map.put("lagOverTime", lag);
    }

    Map<String, Object> toMap() {
        return map;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Prints the figures as one two-column table, then the lag over time. */
    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> report, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Object> section : report.entrySet()) {
            if (section.getKey().equals("lagOverTime")) {
                continue;
            }
            rows.add(new String[] {"[" + section.getKey() + "]", ""});
            for (Map.Entry<String, Object> e : ((Map<String, Object>) section.getValue()).entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map<?, ?> m && section.getKey().equals("cpu")) {
                    v = m.get("seconds") + " s, " + m.get("msPerArticle") + " ms/article";
                }
                rows.add(new String[] {"  " + e.getKey(), String.valueOf(v)});
            }
        }
        printRows(rows, out);
        out.println();
        List<Map<String, Object>> lag = (List<Map<String, Object>>) report.get("lagOverTime");
        if (lag != null && !lag.isEmpty()) {
            List<String[]> lagRows = new ArrayList<>();
            lagRows.add(lag.get(0).keySet().toArray(String[]::new));
            for (Map<String, Object> row : lag) {
                lagRows.add(row.values().stream().map(String::valueOf).toArray(String[]::new));
            }
            printRows(lagRows, out);
        }
    }

    static void printRows(List<String[]> rows, PrintStream out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
