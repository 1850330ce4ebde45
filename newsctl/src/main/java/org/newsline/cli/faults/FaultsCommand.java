package org.newsline.cli.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsctl faults}: the fault-injection suite. Prints {@code faults injected: N, survived: N, items: N,
 * stored: N, lost: 0, duplicated: 0} and exits 1 if anything was lost, doubled or unexpected.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = {"Run the pipeline as separate processes (broker, ingest, extract, store, PostgreSQL) on a "
                + "loopback news site, kill -9 the services and restart the broker and PostgreSQL while it runs, "
                + "then check that every item is stored once and nothing is lost or doubled.",
                "Exit status 0 when nothing was lost or doubled, 1 otherwise."})
public final class FaultsCommand implements Callable<Integer> {

    static final class Form {
        @Option(names = "--short", description = "The CI form: 2,000 items, 12 faults, about 2-3 minutes (default).")
        boolean shortForm;

        @Option(names = "--long", description = "The long form: 20,000 items over 30 minutes, 48 faults.")
        boolean longForm;

        @Option(names = "--backpressure", description = "Backpressure and bounded memory: a burst of --pages raw "
                + "pages onto news.raw while the store's database is down for --db-down, with the pipeline in one "
                + "JVM (newsctl up at --heap) and as separate processes (extract and store at --service-heap); "
                + "prints heap after GC against the limit, lag over time, time to catch up, pages stored.")
        boolean backpressure;
    }

    @ArgGroup(exclusive = true)
    Form form;

    @Option(names = "--items", paramLabel = "N", description = "Feed items to publish (default: by form).")
    Integer items;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the fault moments and order (default: random).")
    Long seed;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the processes keep their data and logs (default: a new temporary directory).")
    Path workDir;

    @Option(names = "--keep", description = "Keep the work directory (it is kept anyway when the run fails).")
    boolean keep;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "100000",
            description = "With --backpressure: raw pages in the burst (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--pages-dir", paramLabel = "DIR", defaultValue = "eval/aeb-dev",
            description = "With --backpressure: the pages to repeat under distinct URLs (default: ${DEFAULT-VALUE}).")
    Path pagesDir;

    @Option(names = "--db-down", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --backpressure: how long the database is down (default: ${DEFAULT-VALUE}).")
    int dbDownSeconds;

    @Option(names = "--db-down-after", paramLabel = "SECONDS", defaultValue = "20",
            description = "With --backpressure: when the database goes down, from the start of the burst "
                    + "(default: ${DEFAULT-VALUE}).")
    int dbDownAfterSeconds;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g",
            description = "With --backpressure: -Xmx of newsctl up (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--service-heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "With --backpressure: -Xmx of each service alone (default: ${DEFAULT-VALUE}).")
    String serviceHeap;

    @Option(names = "--setup", paramLabel = "WHICH", defaultValue = "both",
            description = "With --backpressure: up (one JVM), services (separate processes) or both "
                    + "(default: ${DEFAULT-VALUE}).")
    String setup;

    @Override
    public Integer call() throws Exception {
        quietLibraryLogs();
        if (form != null && form.backpressure) {
            return backpressure();
        }
        long s = seed != null ? seed : System.nanoTime();
        FaultPlan plan = form != null && form.longForm ? FaultPlan.longForm(s) : FaultPlan.shortForm(s);
        if (items != null) {
            plan = plan.withItems(items);
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("newsline-faults");
        FaultSuite.Outcome outcome = new FaultSuite(plan, dir, System.err).run();
        for (String problem : outcome.audit().problems().stream().limit(50).toList()) {
            System.err.println("faults: " + problem);
        }
        System.err.println("faults: dead letters: " + outcome.audit().deadLetters() + " of "
                + outcome.audit().meantToFail() + " meant to fail, unexpected: " + outcome.audit().unexpected()
                + " (seed " + s + ")");
        System.out.println(outcome.summary());
        System.out.flush();
        if (outcome.passed() && !keep) {
            deleteTree(dir);
        } else {
            System.err.println("faults: data and logs kept in " + dir);
        }
        return outcome.passed() ? 0 : 1;
    }

    private int backpressure() throws Exception {
        if (!java.util.Set.of("up", "services", "both").contains(setup)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--setup is up, services or both, not " + setup);
        }
        java.util.List<String> bodies = org.newsline.cli.bench.BenchSite.loadPages(pagesDir).stream()
                .map(org.newsline.cli.bench.BenchSite::gunzip).toList();
        if (bodies.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "no *.html.gz pages in " + pagesDir);
        }
        Path dir = workDir != null ? Files.createDirectories(workDir)
                : Files.createTempDirectory("newsline-backpressure");
        System.err.printf("backpressure: %,d pages (%d distinct bodies, %,d KB on average), load average %s%n",
                pages, bodies.size(), bodies.stream().mapToLong(String::length).sum() / bodies.size() / 1024,
                loadAverage());
        BackpressureRun run = new BackpressureRun(dir, bodies, pages, java.time.Duration.ofSeconds(dbDownSeconds),
                java.time.Duration.ofSeconds(dbDownAfterSeconds), java.time.Duration.ofMinutes(5), System.err);
        java.util.List<BackpressureRun.Outcome> outcomes = new java.util.ArrayList<>();
        if (!setup.equals("services")) {
            outcomes.add(run.run(new BackpressureRun.Setup("newsctl up", true, heap)));
        }
        if (!setup.equals("up")) {
            outcomes.add(run.run(new BackpressureRun.Setup("services alone", false, serviceHeap)));
        }
        System.out.println("load average after: " + loadAverage());
        BackpressureReport.print(outcomes, System.out);
        boolean passed = outcomes.stream().allMatch(BackpressureRun.Outcome::passed);
        System.out.println(passed ? "backpressure: heap under its limit, no OutOfMemoryError, every page stored once"
                : "backpressure: FAILED (see the tables)");
        if (passed && !keep) {
            deleteTree(dir);
        } else {
            System.err.println("backpressure: data and logs kept in " + dir);
        }
        return passed ? 0 : 1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The suite's own Kafka clients retry through every restart; their warnings would drown the report. */
    private static void quietLibraryLogs() {
        for (String name : new String[] {"org.apache.kafka", "io.zonky"}) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a leftover temporary directory is harmless
        }
    }
}
