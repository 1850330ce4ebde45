package org.newsline.extract.statements;

import java.util.List;
import java.util.Optional;

/** Helpers for the statement tests: find the statement whose quote starts with a given text. */
final class Statements {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    private Statements() {
    }

    static List<FoundStatement> extract(String text) {
        return EXTRACTOR.extract(text);
    }

    static Optional<FoundStatement> starting(List<FoundStatement> statements, String prefix) {
        return statements.stream().filter(s -> s.quote().startsWith(prefix)).findFirst();
    }

    static FoundStatement only(String text, String prefix) {
        List<FoundStatement> all = extract(text);
        return starting(all, prefix).orElseThrow(() -> new AssertionError(
                "no statement starting with \"" + prefix + "\" in " + all));
    }
}
