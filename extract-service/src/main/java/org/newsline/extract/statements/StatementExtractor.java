package org.newsline.extract.statements;

import java.util.List;

/** Finds who said what in an article's plain text (paragraphs separated by blank lines). Thread-safe. */
public final class StatementExtractor {

    /** The statements of {@code text}, in text order. Never throws on odd input. */
    public List<FoundStatement> extract(String text) {
        return List.of();
    }
}
