package org.newsline.extract.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.jsoup.Jsoup;
import org.newsline.extract.article.ArticleExtractor;
import org.newsline.extract.eval.ExtractionEval;

/**
 * Single-thread throughput of the article extractor against Jsoup parsing alone, on the same benchmark pages.
 *
 * <p>After a warm-up, the two workloads alternate pass by pass over all pages, so that load from other
 * processes hits both alike and the ratio stays meaningful on a busy machine. Pages/s are given by wall-clock
 * time and by the measuring thread's CPU time (the latter ignores time the thread spent waiting for a core,
 * but also work done by GC threads).
 */
public final class ExtractionBench {

    private ExtractionBench() {
    }

    /** Measured rates of one workload. */
    private static final class Rate {
        long pages;
        long wallNanos;
        long cpuNanos;

        double perWallSecond() {
            return pages / (wallNanos / 1e9);
        }

        double perCpuSecond() {
            return pages / (cpuNanos / 1e9);
        }
    }

    /** Measures for about {@code seconds} in total and prints a table with both rates and their ratio. */
    public static void run(Path dir, int seconds, PrintStream out) {
        List<ExtractionEval.Page> pages = ExtractionEval.loadPages(dir);
        ArticleExtractor extractor = new ArticleExtractor();
        ToIntFunction<ExtractionEval.Page> extract = p -> extractor.extract(p.html(), p.url()).text().length();
        ToIntFunction<ExtractionEval.Page> parse = p -> Jsoup.parse(p.html(), p.url()).childNodeSize();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;

        long warmupEnd = System.nanoTime() + (long) (Math.max(2, seconds / 3.0) * 1e9);
        while (System.nanoTime() < warmupEnd) {
            sink += pass(pages, extract, new Rate(), threads) + pass(pages, parse, new Rate(), threads);
        }
        Rate extractRate = new Rate();
        Rate parseRate = new Rate();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sink += pass(pages, extract, extractRate, threads);
            sink += pass(pages, parse, parseRate, threads);
        }

        double kb = pages.stream().mapToLong(p -> p.html().length()).average().orElse(0) / 1024;
        out.printf(Locale.ROOT, "pages=%d (mean %.1f KiB), java %s, one thread, %d s alternating passes%n",
                pages.size(), kb, System.getProperty("java.version"), seconds);
        out.printf(Locale.ROOT, "%-26s %14s %14s%n", "workload", "pages/s wall", "pages/s cpu");
        out.printf(Locale.ROOT, "%-26s %14.1f %14.1f%n", "ArticleExtractor.extract", extractRate.perWallSecond(),
                extractRate.perCpuSecond());
        out.printf(Locale.ROOT, "%-26s %14.1f %14.1f%n", "Jsoup.parse only", parseRate.perWallSecond(),
                parseRate.perCpuSecond());
        out.printf(Locale.ROOT, "%-26s %14.3f %14.3f%n", "ratio extract/parse",
                extractRate.perWallSecond() / parseRate.perWallSecond(),
                extractRate.perCpuSecond() / parseRate.perCpuSecond());
        if (sink == 42) {
            out.println(); // keeps the results observable so the JIT cannot drop the work
        }
    }

    private static long pass(List<ExtractionEval.Page> pages, ToIntFunction<ExtractionEval.Page> work, Rate rate,
            ThreadMXBean threads) {
        long sink = 0;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (ExtractionEval.Page page : pages) {
            sink += work.applyAsInt(page);
        }
        rate.wallNanos += System.nanoTime() - wall;
        rate.cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
        rate.pages += pages.size();
        return sink;
    }

    /** Command-line entry: {@code ExtractionBench DIR [SECONDS]}. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ExtractionBench DIR [SECONDS]");
            System.exit(2);
        }
        run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 20, System.out);
    }
}
