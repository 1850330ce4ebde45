package org.newsline.extract.statements;

import org.newsline.events.StatementKind;

/**
 * One statement found in a text: the quote span {@code [start, end)} in UTF-16 offsets of the text, the
 * speaker as written nearest the statement, its fullest name in the text, the cue (lower-cased, or null) and
 * the kind.
 */
public record FoundStatement(
        String quote,
        String speaker,
        String speakerCanonical,
        String cue,
        StatementKind kind,
        int start,
        int end) {
}
