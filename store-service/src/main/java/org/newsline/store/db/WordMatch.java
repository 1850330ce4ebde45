package org.newsline.store.db;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whole-word, case-insensitive matching that works the same on every database: names are stored as their
 * lower-cased words between spaces ({@code " president trump | donald trump "}) and a query {@code "Trump"}
 * becomes the pattern {@code "% trump %"}. Only letters and digits survive, so a query can never carry a
 * LIKE wildcard.
 */
final class WordMatch {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private WordMatch() {
    }

    /** The words of {@code text}, lower-cased, accents removed, separated by single spaces. */
    static String words(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The stored form of several names. */
    static String column(Collection<String> names) {
        StringBuilder out = new StringBuilder(" ");
        for (String name : names) {
            String w = words(name);
            if (!w.isEmpty()) {
                out.append(w).append(" | ");
            }
        }
        return out.toString();
    }

    /** The LIKE pattern of a query, or null if the query has no words (matches nothing). */
    static String pattern(String query) {
        String w = words(query);
        return w.isEmpty() ? null : "% " + w + " %";
    }
}
