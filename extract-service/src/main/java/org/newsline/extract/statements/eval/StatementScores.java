package org.newsline.extract.statements.eval;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The three figures of STATEMENTS.md "Scoring", as counts: direct quotes, direct quotes with the right speaker,
 * and indirect plus mixed statements. Each figure gives precision, recall and F1 over all scored articles.
 */
public record StatementScores(int articles, Figure direct, Figure directSpeaker, Figure indirectMixed) {

    /** True positives, predictions counted and gold statements of one figure. */
    public record Figure(int truePositives, int predicted, int gold) {

        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Figure plus(Figure other) {
            return new Figure(truePositives + other.truePositives, predicted + other.predicted, gold + other.gold);
        }
    }

    static final Figure ZERO = new Figure(0, 0, 0);

    StatementScores plus(StatementScores other) {
        return new StatementScores(articles + other.articles, direct.plus(other.direct),
                directSpeaker.plus(other.directSpeaker), indirectMixed.plus(other.indirectMixed));
    }

    /** Prints one line per figure: precision, recall, F1 and the counts behind them. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "articles: %d%n", articles);
        line(out, "direct", direct);
        line(out, "direct+speaker", directSpeaker);
        line(out, "indirect+mixed", indirectMixed);
    }

    private static void line(PrintStream out, String name, Figure f) {
        out.printf(Locale.ROOT, "%-15s P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)%n",
                name, f.precision(), f.recall(), f.f1(), f.truePositives(), f.predicted(), f.gold());
    }
}
