package org.newsline.extract.statements;

/** A run of tokens {@code [from, to)}. */
record Span(int from, int to) {

    boolean isEmpty() {
        return from >= to;
    }

    int length() {
        return to - from;
    }
}
