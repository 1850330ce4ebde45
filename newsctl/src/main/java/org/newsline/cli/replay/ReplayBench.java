package org.newsline.cli.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.cli.replay.warc.ImportCounts;
import org.newsline.cli.replay.warc.KafkaPageSink;
import org.newsline.cli.replay.warc.WarcArchiveWriter;
import org.newsline.cli.replay.warc.WarcPageReader;
import org.newsline.events.FeedItem;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.replay.ReplayJobs;
import org.newsline.store.replay.ReplayKind;
import org.newsline.store.replay.ReplaySpec;
import org.newsline.store.replay.ReplayStatus;

/**
 * Throughput of getting pages into {@code news.raw}: a replay of raw pages from a SQLite archive (read,
 * decompress, encode, publish in checkpointed transactions, as the store runs it; no gate, no rate limit) and
 * an import of a WARC file of the same pages. The pages are the dev pages repeated under distinct URLs; a
 * single-node embedded broker in a temporary directory receives them. Prints a table.
 */
final class ReplayBench {

    private ReplayBench() {
    }

    static void run(Path pagesDir, int count, int rounds, Map<String, String> overrides, PrintStream out)
            throws Exception {
        List<String> bodies = bodies(pagesDir);
        Path work = Files.createTempDirectory("newsline-replay-bench");
        try (EmbeddedBroker broker = EmbeddedBroker.start(work.resolve("kafka"), 0)) {
            Map<String, String> settings = new java.util.HashMap<>(overrides);
            settings.put("bootstrap.servers", broker.bootstrapServers());
            settings.put("data.dir", work.toString());
            NewslineConfig config = NewslineConfig.of(settings);
            KafkaClients clients = new KafkaClients(config);
            new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(60));
            long bodyChars = 0;
            List<RawPage> pages = new ArrayList<>(count);
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < count; i++) {
                String url = "https://bench.example/" + i;
                String body = bodies.get(i % bodies.size());
                bodyChars += body.length();
                pages.add(new RawPage(1, Ids.articleId(url), url, url, Ids.feedId("https://bench.example/feed"),
                        new FeedItem("Story " + i, url, url, t0, null, null), t0.plusSeconds(i), 200,
                        Map.of("content-type", "text/html; charset=utf-8"), "UTF-8", body, false));
            }
            out.printf(Locale.ROOT, "%d pages, %.0f KB of text each on average, broker %s%s%n%n", count,
                    bodyChars / 1024.0 / count, broker.bootstrapServers(),
                    overrides.isEmpty() ? "" : ", settings " + overrides);
            out.printf(Locale.ROOT, "%-34s %8s %8s %10s %8s %12s   %s%n", "what", "records", "seconds", "records/s",
                    "cpu-s", "records/cpu-s", "CPU ms per record: work / kafka I/O / broker, other / GC, JIT");

            try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + work.resolve("bench.db"))) {
                for (int from = 0; from < pages.size(); from += 200) {
                    store.putRawPages(pages.subList(from, Math.min(pages.size(), from + 200)));
                }
                pages.clear(); // from here on only the archive and the WARC hold them
                try (ReplayJobs jobs = new ReplayJobs(store, clients, work)) {
                    for (int round = 1; round <= rounds; round++) {
                        long start = System.nanoTime();
                        cpuStart = cpu();
                        threadCpu = ThreadCpu.start();
                        ReplayStatus s = jobs.start(ReplaySpec.all(ReplayKind.RAW));
                        s = jobs.await(s.id(), Duration.ofMinutes(30));
                        row(out, rounds == 1 ? "replay raw (archive -> news.raw)"
                                : "replay raw, run " + round + " of " + rounds, s.counts().published(), start);
                    }
                }

                Path warc = work.resolve("bench.warc.gz");
                long start = System.nanoTime();
                cpuStart = cpu();
                threadCpu = ThreadCpu.start();
                long written = 0;
                try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     WarcArchiveWriter writer = new WarcArchiveWriter(ch)) {
                    String cursor = null;
                    do {
                        var page = store.rawPages(new org.newsline.store.db.RawQuery(null, null, null, null, 500,
                                cursor));
                        for (RawPage p : store.rawPages(page.items().stream()
                                .map(org.newsline.store.db.RawPageSummary::articleId).toList())) {
                            writer.write(p);
                            written++;
                        }
                        cursor = page.nextCursor();
                    } while (cursor != null);
                }
                row(out, "export (archive -> WARC, no API)", written, start);

                ImportCounts counts = new ImportCounts();
                start = System.nanoTime();
                cpuStart = cpu();
                threadCpu = ThreadCpu.start();
                try (KafkaPageSink sink = new KafkaPageSink(clients)) {
                    new WarcPageReader(16L << 20, counts, sink).read(warc);
                    sink.flush();
                }
                row(out, "import (WARC -> news.raw)", counts.imported(), start);
                out.printf(Locale.ROOT, "%nWARC file: %.1f MB for %d pages%n", Files.size(warc) / 1048576.0, written);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static long cpuStart;
    private static ThreadCpu threadCpu;

    /**
     * CPU time of the whole process (broker included), in ns: on a shared machine wall time says little, records
     * per CPU-second says what the work costs.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void row(PrintStream out, String what, long records, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (cpu() - cpuStart) / 1e9;
        Map<String, Long> split = threadCpu.stop();
        StringBuilder perRecord = new StringBuilder();
        for (String group : List.of(ThreadCpu.WORK, ThreadCpu.KAFKA_IO, ThreadCpu.BROKER, ThreadCpu.JVM)) {
            perRecord.append(perRecord.length() == 0 ? "" : " / ")
                    .append(String.format(Locale.ROOT, "%.2f", split.get(group) / 1e6 / Math.max(1, records)));
        }
        out.printf(Locale.ROOT, "%-34s %8d %8.2f %10.0f %8.2f %12.0f   %s%n", what, records, seconds,
                records / seconds, cpuSeconds, records / cpuSeconds, perRecord);
    }

    private static List<String> bodies(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".html.gz"))
                    .sorted().toList()) {
                try (InputStream in = f.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                    out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no .html or .html.gz pages in " + dir);
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
