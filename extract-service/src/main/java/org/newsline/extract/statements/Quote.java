package org.newsline.extract.statements;

/**
 * A span of text between quotation marks. {@code open} is the index of the opening mark and {@code close} the
 * index of the closing mark, so the words are {@code [open + 1, close)}. A quote running over several
 * paragraphs has {@code paragraphs > 1}; its words include the paragraph breaks and reopening marks.
 */
record Quote(int open, int close, int paragraphs) {

    int contentStart() {
        return open + 1;
    }

    int contentEnd() {
        return close;
    }

    /** Index just after the closing mark. */
    int end() {
        return close + 1;
    }
}
