package org.newsline.extract.statements;

/**
 * Who a statement is attributed to: the source phrase (tokens), the cue as written (lower-case, or null) and
 * the cue's token. {@link #NOT_SPEECH} marks a quote attributed with a verb that reports no statement
 * ({@code she sings}).
 */
record Attribution(Span speaker, String cue, int cueToken) {

    static final Attribution NOT_SPEECH = new Attribution(null, null, -1);
}
