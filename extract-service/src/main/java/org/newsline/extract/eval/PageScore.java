package org.newsline.extract.eval;

/** How one benchmark page scored: its id, the metric counts and whether its tokens matched exactly. */
public record PageScore(String id, ShingleMetric.Counts counts, boolean exactMatch) {

    /** Page precision. */
    public double precision() {
        return counts.precision();
    }

    /** Page recall. */
    public double recall() {
        return counts.recall();
    }

    /** Page F1, used only to rank pages. */
    public double f1() {
        return counts.f1();
    }
}
