package org.newsline.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction-benchmark metric for one page: text is cut into runs of word characters, the runs into
 * overlapping 4-token shingles, and the predicted and true shingle multisets are compared.
 *
 * <p>Word characters follow Python's Unicode {@code \w} (letters, numbers, underscore; combining marks are not
 * word characters there), because the benchmark's published figures were computed with it.
 */
public final class ShingleMetric {

    /** Shingle length used by the benchmark. */
    public static final int SHINGLE_SIZE = 4;

    private ShingleMetric() {
    }

    /** TP, FP and FN of one page, normalised so that they sum to 1 (or all 0 when both texts have no tokens). */
    public record Counts(double tp, double fp, double fn) {

        /** Page precision, as the benchmark defines it for the degenerate cases. */
        public double precision() {
            if (fp == 0 && fn == 0) {
                return 1.0;
            }
            if (tp == 0 && fp == 0) {
                return 0.0;
            }
            return tp / (tp + fp);
        }

        /** Page recall, as the benchmark defines it for the degenerate cases. */
        public double recall() {
            if (fp == 0 && fn == 0) {
                return 1.0;
            }
            if (tp == 0 && fn == 0) {
                return 0.0;
            }
            return tp / (tp + fn);
        }

        /** Page F1 (harmonic mean of page precision and recall), used to rank the worst pages. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Whether the prediction had any shingle (only those pages count towards corpus precision). */
        public boolean hasPrediction() {
            return tp + fp > 0;
        }

        /** Whether the ground truth had any shingle (only those pages count towards corpus recall). */
        public boolean hasTruth() {
            return tp + fn > 0;
        }
    }

    /** Compares one predicted text with its ground truth. */
    public static Counts compare(String truth, String predicted) {
        Map<String, Integer> trueShingles = shingles(tokenize(truth));
        Map<String, Integer> predShingles = shingles(tokenize(predicted));
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (Map.Entry<String, Integer> e : predShingles.entrySet()) {
            int p = e.getValue();
            int t = trueShingles.getOrDefault(e.getKey(), 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
        }
        for (Map.Entry<String, Integer> e : trueShingles.entrySet()) {
            int t = e.getValue();
            int p = predShingles.getOrDefault(e.getKey(), 0);
            fn += Math.max(0, t - p);
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            return new Counts(tp / sum, fp / sum, fn / sum);
        }
        return new Counts(0, 0, 0);
    }

    /** Whether both texts have exactly the same token sequence (the benchmark's "accuracy"). */
    public static boolean sameTokens(String truth, String predicted) {
        return tokenize(truth).equals(tokenize(predicted));
    }

    /** Splits text into maximal runs of word characters, case kept. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    /** Python's {@code str.isalnum() or '_'}: letters, decimal digits and other numeric characters. */
    static boolean isWordChar(int cp) {
        if (cp == '_') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    /** Multiset of shingles; a text with fewer tokens than a shingle gives one short shingle, none gives none. */
    static Map<String, Integer> shingles(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        int last = Math.max(1, tokens.size() - SHINGLE_SIZE + 1);
        for (int i = 0; i < last && i < tokens.size(); i++) {
            // A separator that is never a word character keeps distinct token tuples distinct.
            String key = String.join("\u0001", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE_SIZE)));
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }
}
