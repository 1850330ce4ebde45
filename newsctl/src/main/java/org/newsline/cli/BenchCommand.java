package org.newsline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsline.extract.bench.ExtractionBench;
import org.newsline.extract.statements.eval.StatementBench;
import org.newsline.store.bench.StoreBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsctl bench ...}: speed measurements that print a table (never run in CI). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print a table.",
        subcommands = {BenchCommand.Extraction.class, BenchCommand.Statements.class, BenchCommand.Store.class,
                org.newsline.cli.bench.PipelineBenchCommand.class, org.newsline.cli.bench.PollsBenchCommand.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "say what to measure: extraction DIR, statements FILE, store JDBC_URL, pipeline or polls");
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Pages/s of body extraction and of Jsoup parsing alone, one thread.")
    static final class Extraction implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "e.g. eval/aeb-dev")
        Path dir;

        @Option(names = "--seconds", defaultValue = "20", description = "Measuring time per row.")
        int seconds;

        @Override
        public Integer call() {
            ExtractionBench.run(dir, seconds, System.out);
            return 0;
        }
    }

    @Command(name = "statements", mixinStandardHelpOptions = true,
            description = "Articles/s of statement extraction on annotated articles.")
    static final class Statements implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "e.g. eval/statements/dev.jsonl")
        Path file;

        @Option(names = "--seconds", defaultValue = "10", description = "Measuring time.")
        int seconds;

        @Override
        public Integer call() {
            StatementBench.run(file, seconds, System.out);
            return 0;
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Articles/s stored (each with 5 statements) in a database.")
    static final class Store implements Callable<Integer> {
        @Parameters(paramLabel = "JDBC_URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=...")
        String url;

        @Option(names = "--articles", defaultValue = "20000", description = "How many articles to store.")
        int articles;

        @Override
        public Integer call() {
            StoreBench.run(url, articles, System.out);
            return 0;
        }
    }
}
