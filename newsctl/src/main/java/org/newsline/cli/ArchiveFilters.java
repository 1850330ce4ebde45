package org.newsline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The filters {@code search} and {@code export} share, turned into the query of {@code GET /api/articles} or
 * {@code GET /api/statements}. Times are checked here, so a typo fails before anything is printed.
 */
final class ArchiveFilters {

    @Option(names = "--since", paramLabel = "TIME", description = "From this time on: " + TimeArg.FORMS + ".")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Before this time (same forms as --since).")
    String until;

    @Option(names = "--speaker", paramLabel = "NAME",
            description = "Statements by NAME (matches the speaker or the canonical speaker).")
    String speaker;

    /** Statement filters given where articles are asked for, or the reverse, are refused rather than ignored. */
    Map<String, String> articleQuery(String text, String feed, String language) {
        Map<String, String> q = timeQuery();
        q.put("q", blankToNull(text));
        q.put("feed", blankToNull(feed));
        q.put("language", blankToNull(language));
        return q;
    }

    Map<String, String> statementQuery(String text, String kind) {
        Map<String, String> q = timeQuery();
        q.put("speaker", blankToNull(speaker));
        q.put("q", blankToNull(text));
        q.put("kind", blankToNull(kind));
        return q;
    }

    private Map<String, String> timeQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("since", TimeArg.iso("--since", since));
        q.put("until", TimeArg.iso("--until", until));
        return q;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
