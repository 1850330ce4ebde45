package org.newsline.store.db;

import java.util.Comparator;

/**
 * The order of extractor versions: numeric-aware, part by part ({@code 1.10.0 > 1.9.2 > 1.9 }), a version
 * with more parts after an equal prefix is newer, and a text part sorts after a number. The same order is
 * stored as a sort key so that the database can guard replacements with a plain string comparison.
 */
public final class ExtractorVersion {

    /** Orders versions oldest first; null is older than any version. */
    public static final Comparator<String> ORDER = Comparator.comparing(ExtractorVersion::sortKey);

    private ExtractorVersion() {
    }

    /** True if an article of version {@code candidate} may replace one of version {@code stored}. */
    public static boolean replaces(String candidate, String stored) {
        return ORDER.compare(candidate, stored) >= 0;
    }

    /**
     * A string whose byte order is the version order: each part separated by a space, a number as {@code "0"}
     * then a letter for its digit count then its digits (no leading zeros), text as {@code "1"} then the text.
     * A space sorts before both markers, so a longer version with an equal prefix sorts later.
     */
    static String sortKey(String version) {
        if (version == null || version.isBlank()) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String part : version.trim().split("[.\\-+_\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            if (part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                String digits = part.replaceFirst("^0+(?=.)", "");
                // 'A' + length keeps numbers with more digits later; 60 digits is far beyond any real version
                key.append('0').append((char) ('A' + Math.min(digits.length(), 60))).append(digits);
            } else {
                key.append('1').append(part);
            }
        }
        return key.toString();
    }
}
