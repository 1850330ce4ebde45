package org.newsline.extract.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.newsline.extract.article.ArticleExtractor;
import org.newsline.extract.eval.ExtractionEval;

/**
 * Single-thread throughput of the article extractor against Jsoup parsing alone, on the same benchmark pages.
 * Each measurement warms up first, then cycles over the pages for the given time; the ratio shows how much of
 * the parse-only ceiling the extractor keeps.
 */
public final class ExtractionBench {

    private ExtractionBench() {
    }

    /** Measures and prints a table: pages/s of the extractor, of Jsoup parse-only, and their ratio. */
    public static void run(Path dir, int seconds, PrintStream out) {
        List<ExtractionEval.Page> pages = ExtractionEval.loadPages(dir);
        ArticleExtractor extractor = new ArticleExtractor();
        long[] sink = new long[1];
        Consumer<ExtractionEval.Page> extract = p -> sink[0] += extractor.extract(p.html(), p.url()).text().length();
        Consumer<ExtractionEval.Page> parse = p -> sink[0] += Jsoup.parse(p.html(), p.url()).childNodeSize();
        double warmup = Math.max(1, seconds / 2.0);
        measure(pages, extract, warmup);
        measure(pages, parse, warmup);
        double extractRate = measure(pages, extract, seconds);
        double parseRate = measure(pages, parse, seconds);
        double kb = pages.stream().mapToLong(p -> p.html().length()).average().orElse(0) / 1024;
        out.printf(Locale.ROOT, "pages=%d mean size=%.1f KiB, java %s, one thread, %d s per row%n", pages.size(), kb,
                System.getProperty("java.version"), seconds);
        out.printf(Locale.ROOT, "%-28s %10s%n", "what", "pages/s");
        out.printf(Locale.ROOT, "%-28s %10.1f%n", "ArticleExtractor.extract", extractRate);
        out.printf(Locale.ROOT, "%-28s %10.1f%n", "Jsoup.parse only", parseRate);
        out.printf(Locale.ROOT, "%-28s %10.3f%n", "ratio extract/parse", extractRate / parseRate);
        if (sink[0] == 42) {
            out.println(); // keeps the work observable so the JIT cannot drop it
        }
    }

    private static double measure(List<ExtractionEval.Page> pages, Consumer<ExtractionEval.Page> work,
            double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long done = 0;
        int i = 0;
        while (System.nanoTime() < deadline) {
            work.accept(pages.get(i));
            i = (i + 1) % pages.size();
            done++;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** Command-line entry: {@code ExtractionBench DIR [SECONDS]}. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ExtractionBench DIR [SECONDS]");
            System.exit(2);
        }
        run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 10, System.out);
    }
}
