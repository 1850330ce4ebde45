package org.newsline.extract.statements.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsline.extract.statements.StatementExtractor;

/**
 * Measures statement extraction speed on the article texts of an annotated JSONL file: warms up, then extracts
 * the articles round after round for the given time and prints articles per second and milliseconds per
 * article (compare with the body extractor's time per page).
 */
public final class StatementBench {

    private StatementBench() {
    }

    /** Runs the benchmark for about {@code seconds} seconds (plus a short warm-up) and prints the result. */
    public static void run(Path jsonl, int seconds, PrintStream out) {
        List<String> texts = texts(jsonl);
        if (texts.isEmpty()) {
            out.println("no articles in " + jsonl);
            return;
        }
        StatementExtractor extractor = new StatementExtractor();
        long chars = texts.stream().mapToLong(String::length).sum();
        long warmUpEnd = System.nanoTime() + Math.min(2_000_000_000L, seconds * 500_000_000L);
        long sink = 0;
        while (System.nanoTime() < warmUpEnd) {
            for (String t : texts) {
                sink += extractor.extract(t).size();
            }
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long articles = 0;
        long statements = 0;
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (String t : texts) {
                statements += extractor.extract(t).size();
                articles++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "statement extraction: %d articles (avg %d chars) in %.1f s: %.0f articles/s,"
                        + " %.3f ms/article, %.1f statements/article%n",
                articles, chars / texts.size(), elapsed, articles / elapsed, elapsed * 1000 / articles,
                (double) statements / articles);
        if (cpu) {
            // CPU time of this thread: the fair figure when other processes share the machine
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            out.printf(Locale.ROOT, "statement extraction CPU time: %.0f articles/s, %.3f ms/article%n",
                    articles / cpuSeconds, cpuSeconds * 1000 / articles);
        }
        if (sink < 0) {
            out.println(sink); // keeps the warm-up from being optimised away
        }
    }

    private static List<String> texts(Path jsonl) {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).path("text").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code StatementBench FILE.jsonl [SECONDS]}. */
    public static void main(String[] args) {
        run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 10, System.out);
    }
}
