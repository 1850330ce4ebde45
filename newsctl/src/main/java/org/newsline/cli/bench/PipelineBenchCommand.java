package org.newsline.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.events.EventCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsctl bench pipeline}: the whole pipeline on loopback, measured until every article is stored. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"The whole pipeline in this process (embedded broker, ingest, extract, store), fed by a "
                + "loopback site in a child process; prints throughput per stage, latency, CPU per stage, "
                + "memory, GC pauses and consumer lag.",
                "Mode feeds: --feeds x --items pages via subscribed RSS feeds. Mode raw: --raw-pages pages put "
                        + "on news.raw first (or at --rate per second), then extract and store alone. Mode import: "
                        + "a WARC file of --raw-pages pages is imported with newsctl archive import (a child "
                        + "process) into the running pipeline."})
public final class PipelineBenchCommand implements Callable<Integer> {

    @Option(names = "--mode", defaultValue = "feeds", description = "feeds, raw or import (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--feeds", defaultValue = "100", description = "Feeds served and subscribed (default: ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--items", defaultValue = "100", description = "Items per feed (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--addresses", defaultValue = "25",
            description = "Loopback addresses the site is spread over, from 127.0.0.2 (default: ${DEFAULT-VALUE}).")
    int addresses;

    @Option(names = "--raw-pages", defaultValue = "10000", description = "Pages in raw and import modes (default: ${DEFAULT-VALUE}).")
    int rawPages;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "PAGES",
            description = "Import mode: first import and store this many other pages, then measure (a pipeline "
                    + "that has been running; default: ${DEFAULT-VALUE}, a fresh one).")
    int warmup;

    @Option(names = "--rate", defaultValue = "0",
            description = "Raw mode: produce this many pages per second while measuring (0: fill the topic first).")
    double rate;

    @Option(names = "--extract-instances", defaultValue = "1",
            description = "Extract services in one consumer group (default: ${DEFAULT-VALUE}).")
    int extractInstances;

    @Option(names = "--db", defaultValue = "sqlite", description = "sqlite or postgres (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database URL (overrides --db).")
    String dbUrl;

    @Option(names = "--pages", paramLabel = "DIR", defaultValue = "eval/aeb-dev",
            description = "Directory of *.html.gz pages, or one with an html/ folder of them (default: ${DEFAULT-VALUE}).")
    Path pages;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A Newsline setting for this run, e.g. batch.size=1000.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--stall", defaultValue = "120", description = "Give up after this many seconds without progress.")
    int stallSeconds;

    @Option(names = "--keep-data", description = "Keep the run's data directory.")
    boolean keepData;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (!mode.equals("feeds") && !mode.equals("raw") && !mode.equals("import")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--mode must be feeds, raw or import: " + mode);
        }
        if (!db.equals("sqlite") && !db.equals("postgres")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--db must be sqlite or postgres: " + db);
        }
        Map<String, Object> report = PipelineBench.run(new PipelineBench.Options(mode, feeds, items, addresses,
                rawPages, rate, extractInstances, db, dbUrl, pages, set, stallSeconds, keepData, warmup), System.err);
        BenchReport.print(report, System.out);
        if (json != null) {
            Files.write(json, EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        }
        Object complete = ((Map<?, ?>) report.get("result")).get("complete");
        return Boolean.TRUE.equals(complete) ? 0 : 1;
    }
}
