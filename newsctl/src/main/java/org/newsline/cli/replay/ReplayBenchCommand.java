package org.newsline.cli.replay;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsctl replay bench [DIR]}: replay and WARC import throughput in records/s (a table; never in CI). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Records/s of a raw replay and of a WARC import into an embedded broker, with the pages in DIR.")
final class ReplayBenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", defaultValue = "eval/aeb-dev/html",
            description = "HTML pages (.html or .html.gz), repeated under distinct URLs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--pages", defaultValue = "3000", description = "How many pages (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--rounds", defaultValue = "2",
            description = "Replays of the whole archive, one row each: the first in a fresh JVM, the next warm"
                    + " (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A Newsline setting for this run, e.g. kafka.compression.type=none.")
    java.util.Map<String, String> set = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        ReplayBench.run(dir, pages, rounds, set, System.out);
        return 0;
    }
}
