package org.newsline.extract.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Corpus figures of one evaluation run with the benchmark's metric: precision is the mean page precision over
 * pages with a non-empty prediction, recall the mean page recall over pages with a non-empty ground truth, F1
 * the harmonic mean of the two means, accuracy the share of pages whose tokens match exactly.
 */
public final class ExtractionReport {

    /** How many of the worst pages {@link #print} lists. */
    public static final int WORST_PAGES_SHOWN = 10;

    private final List<PageScore> pages;
    private final double precision;
    private final double recall;
    private final double f1;
    private final double accuracy;

    /** Computes the corpus figures from the per-page scores. */
    public ExtractionReport(List<PageScore> pages) {
        this.pages = List.copyOf(pages);
        double pSum = 0;
        int pN = 0;
        double rSum = 0;
        int rN = 0;
        int exact = 0;
        for (PageScore page : this.pages) {
            if (page.counts().hasPrediction()) {
                pSum += page.precision();
                pN++;
            }
            if (page.counts().hasTruth()) {
                rSum += page.recall();
                rN++;
            }
            if (page.exactMatch()) {
                exact++;
            }
        }
        precision = pN == 0 ? 0 : pSum / pN;
        recall = rN == 0 ? 0 : rSum / rN;
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        accuracy = this.pages.isEmpty() ? 0 : (double) exact / this.pages.size();
    }

    public List<PageScore> pages() {
        return pages;
    }

    public double precision() {
        return precision;
    }

    public double recall() {
        return recall;
    }

    public double f1() {
        return f1;
    }

    public double accuracy() {
        return accuracy;
    }

    /** The {@code n} pages with the lowest page F1, worst first. */
    public List<PageScore> worst(int n) {
        List<PageScore> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparingDouble(PageScore::f1).thenComparing(PageScore::id));
        return sorted.subList(0, Math.min(n, sorted.size()));
    }

    /** Prints precision, recall, F1, accuracy and the worst pages. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "pages=%d precision=%.4f recall=%.4f F1=%.4f accuracy=%.4f%n",
                pages.size(), precision, recall, f1, accuracy);
        out.println("worst pages by F1:");
        for (PageScore page : worst(WORST_PAGES_SHOWN)) {
            out.printf(Locale.ROOT, "  %s  P=%.3f R=%.3f F1=%.3f%n", page.id(), page.precision(), page.recall(),
                    page.f1());
        }
    }
}
