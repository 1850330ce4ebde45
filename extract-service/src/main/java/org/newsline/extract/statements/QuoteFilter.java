package org.newsline.extract.statements;


/**
 * Decides which quotes can be statements: at least 4 word tokens, and not a title of a work, a name or a
 * coined term ({@code the so-called “Three Amigos”}, {@code the “Meth. We’re on it.” campaign}).
 */
final class QuoteFilter {

    static final int MIN_WORDS = 4;

    private QuoteFilter() {
    }

    /** The quote sits inside the author's sentence, after a preposition, article or copula. */
    static boolean isEmbedded(Article a, int qk) {
        if (qk == 0) {
            return false;
        }
        Token prev = a.tok(qk - 1);
        if (!prev.isWord() || a.capitalized(qk - 1)) {
            return false;
        }
        if (WordLists.EMBEDDING.contains(prev.lower())) {
            return true;
        }
        // "larger purchases “than any time in our history”": a lower-case fragment after a plain word
        Quote q = a.quote(qk);
        char first = ' ';
        for (int i = q.contentStart(); i < q.contentEnd() && first == ' '; i++) {
            if (!Character.isWhitespace(a.text.charAt(i))) {
                first = a.text.charAt(i);
            }
        }
        return Character.isLowerCase(first) && !a.lexicon.attributes(prev.lower())
                && !a.lexicon.complementizers().contains(prev.lower()) && !prev.is("and") && !prev.is("but")
                && !prev.is("or") && !prev.is("then");
    }

    static boolean isStatementQuote(Article a, int qk) {
        Quote q = a.quote(qk);
        if (a.wordCount(q) < MIN_WORDS) {
            return false;
        }
        if (isTitle(a.text, q)) {
            return false;
        }
        Token prev = qk > 0 ? a.tok(qk - 1) : null;
        if (prev != null && prev.isWord() && (WordLists.NAMING.contains(prev.lower())
                || a.lexicon.notSpeech().contains(prev.lower()))) {
            return false; // "a film called “…”", "signs that read “…”", "she thought “…”"
        }
        return !isTerm(a, qk);
    }

    /** Title case throughout and no sentence punctuation: a title of a work or a name. */
    static boolean isTitle(String text, Quote q) {
        int words = 0;
        int capital = 0;
        int i = q.contentStart();
        int end = q.contentEnd();
        char lastMark = ' ';
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int s = i;
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '’'
                        || text.charAt(i) == '\'' || text.charAt(i) == '-')) {
                    i++;
                }
                boolean small = i - s <= 4 && WordLists.TITLE_SMALL.contains(text.substring(s,
                        i).toLowerCase(java.util.Locale.ROOT));
                if (!small) {
                    words++;
                    if (Character.isUpperCase(c)) {
                        capital++;
                    } else {
                        return false; // a lower-case word: a sentence, not a title
                    }
                }
                continue;
            }
            if (!Character.isWhitespace(c)) {
                lastMark = c;
            }
            i++;
        }
        boolean sentenceEnd = lastMark == '.' || lastMark == '?' || lastMark == '!';
        return words >= 2 && capital == words && !sentenceEnd;
    }

    /** A quote followed straight away by a lower-case noun is a modifier: {@code “…” awareness campaign}. */
    static boolean isTerm(Article a, int qk) {
        Quote q = a.quote(qk);
        char last = ' ';
        for (int i = q.contentEnd() - 1; i >= q.contentStart(); i--) {
            if (!Character.isWhitespace(a.text.charAt(i))) {
                last = a.text.charAt(i);
                break;
            }
        }
        if (last == ',' || last == '?' || last == '!') {
            return false;
        }
        if (qk + 1 >= a.size()) {
            return false;
        }
        Token next = a.tok(qk + 1);
        if (!next.isWord() || a.capitalized(qk + 1) || next.start() != q.end() + 1) {
            return false;
        }
        String w = next.lower();
        return !WordLists.FOLLOWERS.contains(w) && !a.lexicon.attributes(w) && !a.lexicon.pronouns().contains(w)
                && !w.endsWith("ly");
    }
}
