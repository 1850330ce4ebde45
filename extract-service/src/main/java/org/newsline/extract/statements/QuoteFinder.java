package org.newsline.extract.statements;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quoted spans: double marks (“ ” " „ « » 「 」) at the top level, single marks (‘ ’ ' ‚ ‹ ›) where
 * they stand alone, and quotes that run over several paragraphs (a paragraph ends inside the quote and the
 * next one reopens it). Apostrophes ({@code don’t}, {@code Andrews’ }) are not quote marks.
 *
 * <p>Marks are paired by scanning once; a mark that cannot be paired is ignored, so unbalanced text still gives
 * the quotes that are balanced.
 */
final class QuoteFinder {

    /** Top-level quotes of {@code text}, in text order. */
    List<Quote> find(String text) {
        List<Quote> quotes = new ArrayList<>();
        findDouble(text, quotes);
        findSingle(text, quotes);
        quotes.sort((a, b) -> Integer.compare(a.open(), b.open()));
        return quotes;
    }

    /** Quotes nested inside {@code [from, to)} with single marks, for quotes within quotes. */
    List<Quote> findNested(String text, int from, int to) {
        List<Quote> out = new ArrayList<>();
        scanSingle(text, from, to, out);
        return out;
    }

    // ---- double marks -------------------------------------------------------------------------------------

    private static void findDouble(String text, List<Quote> out) {
        int n = text.length();
        int open = -1;
        char openMark = 0;
        int paragraphs = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (open >= 0) {
                    int next = skipBlank(text, i);
                    if (next < n && isDoubleOpener(text, next)) {
                        // The paragraph ends inside the quote and the next paragraph reopens it: one quote.
                        paragraphs++;
                        i = next;
                        continue;
                    }
                    open = -1;
                }
                continue;
            }
            if (!isDoubleMark(c)) {
                continue;
            }
            if (open < 0) {
                if (isDoubleOpener(text, i)) {
                    open = i;
                    openMark = c;
                    paragraphs = 1;
                }
                continue;
            }
            if (closes(openMark, c, text, i)) {
                if (i > open + 1) {
                    out.add(new Quote(open, i, paragraphs));
                }
                open = -1;
            } else if (c == openMark && isDoubleOpener(text, i) && !looksLikeCloser(text, i)) {
                // Same mark again while open and clearly opening: the earlier one was never closed.
                open = i;
                paragraphs = 1;
            }
        }
    }

    private static int skipBlank(String text, int i) {
        int j = i;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    static boolean isDoubleMark(char c) {
        return c == '“' || c == '”' || c == '"' || c == '„' || c == '«' || c == '»' || c == '「' || c == '」'
                || c == '‟';
    }

    private static boolean isDoubleOpener(String text, int i) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        char prev = i > 0 ? text.charAt(i - 1) : ' ';
        switch (c) {
            case '“', '„', '«', '「', '‟':
                // “ after a word with nothing after it is a German closer, not an opener.
                return !(c == '“' && Character.isWhitespace(next) && Character.isLetterOrDigit(prev));
            case '"':
                return !Character.isWhitespace(next) && (Character.isWhitespace(prev) || isOpenContext(prev)
                        || i == 0);
            case '»':
                // German »…«: opens when glued to the word after it.
                return !Character.isWhitespace(next) && (Character.isWhitespace(prev) || i == 0);
            case '”':
                // Some sites open with ” as well (Swedish style or a typo); only at a word start.
                return !Character.isWhitespace(next) && Character.isLetter(next)
                        && (Character.isWhitespace(prev) || i == 0);
            default:
                return false;
        }
    }

    private static boolean isOpenContext(char prev) {
        return prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == '/'
                || prev == ':' || prev == '\u00a0';
    }

    private static boolean looksLikeCloser(String text, int i) {
        char prev = i > 0 ? text.charAt(i - 1) : ' ';
        return !Character.isWhitespace(prev) && prev != '(' && prev != '[';
    }

    private static boolean closes(char openMark, char c, String text, int i) {
        switch (openMark) {
            case '„':
                return c == '“' || c == '”' || c == '"';
            case '«':
                return c == '»';
            case '»':
                return c == '«';
            case '「':
                return c == '」';
            case '"':
                return c == '"' || c == '”' || c == '“' && looksLikeCloser(text, i);
            default: // “ ” ‟
                return c == '”' || c == '"' || c == '“' && looksLikeCloser(text, i)
                        && (i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)));
        }
    }

    // ---- single marks -------------------------------------------------------------------------------------

    private static void findSingle(String text, List<Quote> doubles) {
        // Single marks count at the top level only outside the double-quoted spans.
        List<Quote> found = new ArrayList<>();
        int from = 0;
        List<Quote> sorted = new ArrayList<>(doubles);
        sorted.sort((a, b) -> Integer.compare(a.open(), b.open()));
        for (Quote q : sorted) {
            scanSingle(text, from, q.open(), found);
            from = q.end();
        }
        scanSingle(text, from, text.length(), found);
        doubles.addAll(found);
    }

    private static void scanSingle(String text, int from, int to, List<Quote> out) {
        int open = -1;
        char openMark = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                open = -1;
                continue;
            }
            if (c != '‘' && c != '’' && c != '\'' && c != '‚' && c != '‹' && c != '›') {
                continue;
            }
            char prev = i > from ? text.charAt(i - 1) : ' ';
            char next = i + 1 < to ? text.charAt(i + 1) : ' ';
            if (open < 0) {
                boolean opener = (c == '‘' || c == '\'' || c == '‚' || c == '‹' || c == '›')
                        && !Character.isLetterOrDigit(prev) && prev != '’' && prev != '\''
                        && (Character.isLetterOrDigit(next) || next == '…' || next == '.' || next == '$');
                if (opener) {
                    open = i;
                    openMark = c;
                }
                continue;
            }
            boolean closer = (c == '’' || c == '\'' || c == '‘' && openMark == '‚' || c == '›' && openMark == '‹'
                    || c == '‹' && openMark == '›')
                    && !Character.isWhitespace(prev)
                    && !Character.isLetterOrDigit(next);
            if (closer) {
                if (endsPluralPossessive(text, i) && hasLaterCloser(text, i + 1, to)) {
                    continue;
                }
                out.add(new Quote(open, i, 1));
                open = -1;
            }
        }
    }

    /** {@code the Andrews’ house}: an apostrophe after a plural s, not a closing mark. */
    private static boolean endsPluralPossessive(String text, int i) {
        return i > 0 && text.charAt(i - 1) == 's' && i + 1 < text.length() && text.charAt(i + 1) == ' '
                && i + 2 < text.length() && Character.isLowerCase(text.charAt(i + 2));
    }

    private static boolean hasLaterCloser(String text, int from, int to) {
        for (int j = from; j < to && text.charAt(j) != '\n'; j++) {
            char c = text.charAt(j);
            if ((c == '’' || c == '\'') && j + 1 <= to
                    && (j + 1 == to || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                return true;
            }
        }
        return false;
    }
}
