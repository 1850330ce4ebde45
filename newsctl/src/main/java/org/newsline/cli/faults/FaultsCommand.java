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
        @Option(names = "--short", description = "The CI form: 2,000 items, 11 faults, about 2 minutes (default).")
        boolean shortForm;

        @Option(names = "--long", description = "The long form: 20,000 items over 30 minutes, 44 faults.")
        boolean longForm;
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

    @Override
    public Integer call() throws Exception {
        quietLibraryLogs();
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
