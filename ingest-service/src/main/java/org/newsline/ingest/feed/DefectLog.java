package org.newsline.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The defects of one feed, counted by kind so that a 10,000-item feed with the same fault in every item gives
 * one line ("undeclared entity &amp;nbsp; replaced (10000 times)"), and capped so that the list stays small.
 */
final class DefectLog {

    static final int MAX_KINDS = 50;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private int dropped;

    /** Records one occurrence of {@code kind}; {@code example} (may be null) says where, for the first one. */
    void add(String kind, String example) {
        if (!counts.containsKey(kind) && counts.size() >= MAX_KINDS) {
            dropped++;
            return;
        }
        counts.merge(kind, 1, Integer::sum);
        if (example != null) {
            examples.putIfAbsent(kind, example);
        }
    }

    void add(String kind) {
        add(kind, null);
    }

    List<String> toList() {
        List<String> out = new ArrayList<>(counts.size() + 1);
        counts.forEach((kind, n) -> {
            String example = examples.get(kind);
            out.add(kind + (n > 1 ? " (" + n + " times)" : "") + (example == null ? "" : ": " + example));
        });
        if (dropped > 0) {
            out.add(dropped + " more defects of other kinds");
        }
        return out;
    }
}
