package org.newsline.extract.statements;

/**
 * One token of an article: a word, a punctuation mark, a whole quote (its words are not tokens of the
 * surrounding sentence), or a paragraph break. {@code lower} is the lower-cased word (or the mark itself).
 */
record Token(Kind kind, int start, int end, String lower, int quote, boolean upper) {

    enum Kind { WORD, PUNCT, QUOTE, BREAK }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isQuote() {
        return kind == Kind.QUOTE;
    }

    boolean is(String s) {
        return lower.equals(s);
    }

    boolean isPunct(char c) {
        return kind == Kind.PUNCT && lower.length() == 1 && lower.charAt(0) == c;
    }

    /** The word as written starts with an upper-case letter or digit ({@code upper}, set by the tokenizer). */
    boolean capitalized(String text) {
        return kind == Kind.WORD && upper;
    }
}
