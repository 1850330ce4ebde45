package org.newsline.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.cli.ApiClient;
import org.newsline.cli.ApiOptions;
import org.newsline.cli.KafkaOptions;
import org.newsline.cli.replay.warc.ImportCounts;
import org.newsline.cli.replay.warc.KafkaPageSink;
import org.newsline.cli.replay.warc.WarcArchiveWriter;
import org.newsline.cli.replay.warc.WarcPageReader;
import org.newsline.events.EventCodec;
import org.newsline.events.RawPage;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsctl archive export|import}: the raw archive out to WARC files, and WARC files in to news.raw. */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Web archives (WARC) out and in.",
        subcommands = {ArchiveCommand.Export.class, ArchiveCommand.Import.class})
public final class ArchiveCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "say what to do: export --warc FILE.warc.gz, or import FILE.warc.gz...");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the raw archive (through the API) as WARC 1.1: response and metadata records, gzip per record.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--warc", paramLabel = "FILE.warc.gz", required = true, description = "The file to write.")
        Path warc;

        @Option(names = "--since", paramLabel = "TIME", description = "Pages fetched from this time on.")
        String since;

        @Option(names = "--until", paramLabel = "TIME", description = "Pages fetched before this time.")
        String until;

        @Option(names = "--feed", paramLabel = "FEED_ID", description = "Only pages of this feed (repeatable).")
        List<String> feeds;

        @Option(names = "--url-prefix", paramLabel = "P", description = "Only pages whose URL starts with P.")
        String urlPrefix;

        @Mixin
        ApiOptions api;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() throws Exception {
            ApiClient client = api.client();
            Instant now = Instant.now();
            Map<String, String> query = new HashMap<>();
            Instant from = TimeArg.parse("--since", since, now);
            Instant to = TimeArg.parse("--until", until, now);
            query.put("since", from == null ? null : from.toString());
            query.put("until", (to == null ? now : to).toString());
            query.put("urlPrefix", urlPrefix);
            query.put("limit", "500");
            List<String> feedList = feeds == null || feeds.isEmpty() ? java.util.Collections.singletonList(null) : feeds;
            List<String> ids = new ArrayList<>();
            for (String feed : feedList) { // ids only: a few bytes per page, bodies are fetched one by one
                query.put("feed", feed);
                String cursor = null;
                do {
                    query.put("cursor", cursor);
                    JsonNode page = client.get("/api/raw", query);
                    page.path("items").forEach(item -> ids.add(item.get("articleId").asText()));
                    cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
                } while (cursor != null);
            }
            Path tmp = warc.resolveSibling(warc.getFileName() + ".part");
            Progress progress = new Progress(System.err, Progress.onTerminal(), "export");
            long start = System.nanoTime();
            long written = 0;
            long gone = 0;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 WarcArchiveWriter writer = new WarcArchiveWriter(out)) {
                for (String id : ids) {
                    JsonNode node;
                    try {
                        node = client.get("/api/raw/" + id, Map.of());
                    } catch (IllegalStateException e) {
                        gone++; // taken down or expired since the listing
                        continue;
                    }
                    writer.write(EventCodec.mapper().treeToValue(node, RawPage.class));
                    written++;
                    progress.update(written + gone, ids.size(), rate(written + gone, start), "");
                }
            }
            progress.finish();
            Files.move(tmp, warc, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf(Locale.ROOT, "exported %d pages to %s (%d gone since listed)%n", written,
                    warc.getFileName(), gone);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Publish the HTML response records of WARC files (ours, CC-NEWS) to news.raw; no network"
                    + " access for the records. Other records are counted and skipped.")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.warc[.gz]", arity = "1..*", description = "WARC files, plain or gzip per record.")
        List<Path> files;

        @Mixin
        ApiOptions api;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() throws Exception {
            NewslineConfig config = kafka.config(Map.of());
            KafkaClients clients = new KafkaClients(config);
            new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(60));
            ImportCounts counts = new ImportCounts();
            long totalBytes = 0;
            for (Path f : files) {
                totalBytes += Files.size(f);
            }
            Progress progress = new Progress(System.err, Progress.onTerminal(), "import");
            long start = System.nanoTime();
            long failed;
            try (KafkaPageSink sink = new KafkaPageSink(clients)) {
                long total = totalBytes;
                WarcPageReader reader = new WarcPageReader(config.size(Settings.FETCH_MAX_BODY), counts, page -> {
                    sink.accept(page);
                    progress.update(counts.bytesRead() >> 20, total >> 20, rate(counts.bytesRead() >> 20, start),
                            "MB, " + counts.imported() + " pages");
                });
                for (Path f : files) {
                    reader.read(f);
                }
                failed = sink.flush();
            }
            progress.finish();
            System.out.println("imported " + summary(counts, failed));
            return failed == 0 ? 0 : 1;
        }

        private static String summary(ImportCounts c, long failed) {
            return String.format(Locale.ROOT, "%d pages from %d records; skipped: %d not a response, %d not HTML,"
                            + " %d truncated, %d malformed; failed %d", c.imported() - failed, c.records(),
                    c.notResponse(), c.notHtml(), c.truncated(), c.malformed(), failed);
        }
    }

    static double rate(long done, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }
}
