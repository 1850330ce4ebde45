package org.newsline.extract.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an article into {@link Token}s, each quote becoming one opaque token, and finds sentence ends.
 * Words keep inner apostrophes, hyphens and dots ({@code don’t}, {@code R-Neb}, {@code U.S.}); a final dot
 * stays with the word when the word is an abbreviation or an initial, so it does not end a sentence.
 */
final class Tokenizer {

    /** Shared strings for ASCII punctuation, so tokenizing does not allocate one per mark. */
    private static final String[] PUNCT = new String[128];

    static {
        for (char c = 0; c < PUNCT.length; c++) {
            PUNCT[c] = String.valueOf(c).intern();
        }
    }

    private Tokenizer() {
    }

    /** A letter or digit, with a fast path for ASCII. */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    /** The lower-cased word, copying once: most words need no case change beyond the first letter. */
    private static String lower(String text, int s, int e) {
        boolean upper = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c)) {
                upper = true;
                break;
            }
        }
        String w = text.substring(s, e);
        return upper ? w.toLowerCase(Locale.ROOT) : w;
    }

    static List<Token> tokenize(String text, List<Quote> quotes) {
        List<Token> out = new ArrayList<>(text.length() / 4);
        int n = text.length();
        int qi = 0;
        int i = 0;
        while (i < n) {
            if (qi < quotes.size() && quotes.get(qi).open() == i) {
                Quote q = quotes.get(qi);
                out.add(new Token(Token.Kind.QUOTE, q.open(), q.end(), "\"", qi, false));
                i = q.end();
                qi++;
                continue;
            }
            while (qi < quotes.size() && quotes.get(qi).open() < i) {
                qi++; // a quote nested in one already passed
            }
            char c = text.charAt(i);
            if (c == '\n') {
                int s = i;
                while (i < n && (text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == ' '
                        || text.charAt(i) == '\t')) {
                    i++;
                }
                out.add(new Token(Token.Kind.BREAK, s, i, "\n", -1, false));
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (isWordChar(c)) {
                int s = i;
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (isWordChar(d)) {
                        i++;
                    } else if (joinsWord(text, i) && (qi >= quotes.size() || quotes.get(qi).open() != i)) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                if (i < n && text.charAt(i) == '.' && keepsDot(text, s, i)) {
                    i++;
                }
                char first = text.charAt(s);
                boolean upper = Character.isUpperCase(first) || Character.isDigit(first);
                out.add(new Token(Token.Kind.WORD, s, i, lower(text, s, i), -1, upper));
                continue;
            }
            out.add(new Token(Token.Kind.PUNCT, i, i + 1, c < PUNCT.length ? PUNCT[c] : String.valueOf(c), -1,
                    false));
            i++;
        }
        return out;
    }

    /** An apostrophe, hyphen, dot or ampersand between two letters, or a comma between digits (1,000). */
    private static boolean joinsWord(String text, int i) {
        if (i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1))) {
            return false;
        }
        char d = text.charAt(i);
        if (d == ',') {
            return Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
        }
        return d == '\'' || d == '’' || d == '-' || d == '.' || d == '&';
    }

    private static boolean keepsDot(String text, int s, int dot) {
        String w = text.substring(s, dot);
        if (w.length() == 1 && Character.isUpperCase(w.charAt(0))) {
            return true; // an initial: Silvia S. Martins
        }
        if (w.indexOf('.') > 0) {
            return true; // U.S. and a.m.
        }
        String lower = w.toLowerCase(Locale.ROOT);
        int dash = lower.lastIndexOf('-');
        if (dash > 0) {
            lower = lower.substring(dash + 1); // R-Neb.
        }
        return WordLists.ABBREVIATIONS.contains(lower);
    }

    /** The word without a final abbreviation dot, lower-cased. */
    static String bare(Token t) {
        String w = t.lower();
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    /**
     * Sentence number of every token. A sentence ends after {@code . ? !} (not an abbreviation that stays
     * inside a sentence), after a quote whose words end a sentence when a capitalised word or a new quote
     * follows, and at every paragraph break.
     */
    static int[] sentences(String text, List<Token> tokens, List<Quote> quotes, Lexicon lexicon) {
        int[] sentence = new int[tokens.size()];
        int current = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            sentence[k] = current;
            if (t.kind() == Token.Kind.BREAK) {
                current++;
                sentence[k] = current; // breaks belong to the next sentence start
                continue;
            }
            Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
            if (next == null) {
                continue;
            }
            boolean end = false;
            if (t.kind() == Token.Kind.PUNCT && (t.is(".") || t.is("?") || t.is("!") || t.is("…"))) {
                end = startsSentence(text, next);
            } else if (t.kind() == Token.Kind.WORD && t.lower().endsWith(".")
                    && !WordLists.NEVER_FINAL.contains(bare(t))
                    && !(t.end() - t.start() == 2) && next.isWord() && next.capitalized(text)
                    && t.lower().indexOf('.') < t.lower().length() - 1 && WordLists.NOT_NAMES.contains(next.lower())) {
                end = true; // "in the U.S. The" ends a sentence
            } else if (t.isQuote()) {
                Quote q = quotes.get(t.quote());
                char last = lastNonSpace(text, q.contentStart(), q.contentEnd());
                end = (last == '.' || last == '?' || last == '!' || last == '…') && startsSentence(text, next)
                        && !(next.isWord() && isLikelyAttribution(tokens, k + 1, lexicon));
            }
            if (end) {
                current++;
            }
        }
        return sentence;
    }

    /** {@code “…about it.” Trump said.}: a short attribution after a quote is not a new sentence. */
    private static boolean isLikelyAttribution(List<Token> tokens, int k, Lexicon lexicon) {
        // "“…?” He Jianxiong, the former director, said at an event.": a name, appositions, then the cue
        boolean apposition = false;
        for (int j = k; j < Math.min(tokens.size(), k + 25); j++) {
            Token t = tokens.get(j);
            if (t.isPunct(',')) {
                apposition = true;
                continue;
            }
            if (!t.isWord()) {
                return false;
            }
            if (lexicon.attributes(t.lower()) && j > k) {
                // "“…” Trump said." or "… said at an event." is an attribution; "She said residents ..." is not
                Token after = j + 1 < tokens.size() ? tokens.get(j + 1) : null;
                return after == null || after.isPunct('.') || after.isPunct(',') || after.isWord()
                        && (WordLists.PREPOSITIONS.contains(after.lower()) || WordLists.TIME_WORDS.contains(after.lower()));
            }
            if (WordLists.FINITE.contains(t.lower()) || !t.upper() && !apposition) {
                return false; // "Lamrani further described ...": a new sentence with its own verb
            }
        }
        return false;
    }

    private static char lastNonSpace(String text, int from, int to) {
        for (int j = to - 1; j >= from; j--) {
            char c = text.charAt(j);
            if (!Character.isWhitespace(c) && c != '’' && c != '\'' && c != '”') {
                return c;
            }
        }
        return ' ';
    }

    private static boolean startsSentence(String text, Token next) {
        return next.isQuote() || next.kind() == Token.Kind.BREAK
                || next.isWord() && (Character.isUpperCase(text.charAt(next.start()))
                || Character.isDigit(text.charAt(next.start())))
                || next.kind() == Token.Kind.PUNCT && (next.is("(") || next.is("["));
    }
}
