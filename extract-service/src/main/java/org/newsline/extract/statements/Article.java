package org.newsline.extract.statements;

import java.util.List;

/**
 * One article prepared for the stages: its quotes, tokens (each quote one token), sentence of every token and
 * the lexicon of its language. Small phrase helpers shared by the stages live here.
 */
final class Article {

    final String text;
    final Lexicon lexicon;
    final List<Quote> quotes;
    final List<Token> tokens;
    /** Verbs after which "to say" still reports speech ("continues to insist", "went on to say"). */
    private static final java.util.Set<String> CONTINUING = java.util.Set.of("continues", "continued", "continue",
            "on", "used", "going");

    /** The same tokens as an array, for the many lookups by index. */
    private final Token[] array;
    final int[] sentence;
    /** First token of each sentence. */
    final int[] sentenceStart;
    /** One past the last token of each sentence. */
    final int[] sentenceEnd;
    /** Indices of the quote tokens, in order: stages that look only at quotes need not walk every token. */
    final int[] quoteTokens;
    /** How many entries of {@link #quoteTokens} are used. */
    final int quoteCount;

    Article(String text, Lexicon lexicon, List<Quote> quotes, List<Token> tokens, int[] sentence) {
        this.text = text;
        this.lexicon = lexicon;
        this.quotes = quotes;
        this.tokens = tokens;
        this.array = tokens.toArray(new Token[0]);
        this.sentence = sentence;
        int count = sentence.length == 0 ? 0 : sentence[sentence.length - 1] + 1;
        sentenceStart = new int[count];
        sentenceEnd = new int[count];
        java.util.Arrays.fill(sentenceStart, -1);
        quoteTokens = new int[quotes.size()];
        int quoteCount = 0;
        for (int k = 0; k < array.length; k++) {
            if (array[k].isQuote()) {
                if (quoteCount == quoteTokens.length) { // never more quote tokens than quotes, but stay safe
                    break;
                }
                quoteTokens[quoteCount++] = k;
            }
        }
        this.quoteCount = quoteCount;
        for (int k = 0; k < sentence.length; k++) {
            int s = sentence[k];
            if (sentenceStart[s] < 0) {
                sentenceStart[s] = k;
            }
            sentenceEnd[s] = k + 1;
        }
    }

    static Article of(String text, Lexicon lexicon) {
        List<Quote> quotes = new QuoteFinder().find(text);
        List<Token> tokens = Tokenizer.tokenize(text, quotes);
        int[] sentence = Tokenizer.sentences(text, tokens, quotes, lexicon);
        return new Article(text, lexicon, quotes, tokens, sentence);
    }

    Token tok(int k) {
        return array[k];
    }

    int size() {
        return tokens.size();
    }

    /** First token of the sentence holding token {@code k}, skipping a paragraph break. */
    int sentenceFirst(int k) {
        int s = sentenceStart[sentence[k]];
        while (s < k && tokens.get(s).kind() == Token.Kind.BREAK) {
            s++;
        }
        return s;
    }

    int sentenceLast(int k) {
        return sentenceEnd[sentence[k]];
    }

    String slice(int fromTok, int toTokExclusive) {
        if (fromTok >= toTokExclusive) {
            return "";
        }
        return text.substring(tokens.get(fromTok).start(), tokens.get(toTokExclusive - 1).end());
    }

    boolean isWord(int k, String lower) {
        return k >= 0 && k < array.length && array[k].isWord() && array[k].lower().equals(lower);
    }

    boolean isPunct(int k, char c) {
        return k >= 0 && k < array.length && array[k].isPunct(c);
    }

    boolean capitalized(int k) {
        return k >= 0 && k < array.length && array[k].capitalized(text);
    }

    /** The quote behind token {@code k}. */
    Quote quote(int k) {
        return quotes.get(tokens.get(k).quote());
    }

    /** Number of {@code \w+} tokens in the words of a quote. */
    int wordCount(Quote q) {
        int count = 0;
        boolean inWord = false;
        for (int i = q.contentStart(); i < q.contentEnd(); i++) {
            boolean w = Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_';
            if (w && !inWord) {
                count++;
            }
            inWord = w;
        }
        return count;
    }

    /** A clause boundary token: punctuation that separates clauses, a quote or a paragraph break. */
    boolean isBoundary(int k) {
        Token t = tokens.get(k);
        if (t.kind() == Token.Kind.BREAK || t.isQuote()) {
            return true;
        }
        return t.kind() == Token.Kind.PUNCT && ",;:—–()[].?!".indexOf(t.lower().charAt(0)) >= 0;
    }

    /**
     * A cue verb at {@code k} used as a verb: lower-case, not after {@code to} (declined to say), not a passive
     * (was told, is said to), not negated (did not say).
     */
    boolean isActiveVerb(int k) {
        Token t = tokens.get(k);
        if (!t.isWord() || Character.isUpperCase(text.charAt(t.start()))) {
            return false;
        }
        Token prev = k > 0 ? tokens.get(k - 1) : null;
        if (prev != null && prev.isWord()) {
            String p = prev.lower();
            if (p.equals("to") && !(k >= 2 && array[k - 2].isWord() && CONTINUING.contains(array[k - 2].lower()))
                    || p.equals("not") || p.equals("n't") || p.endsWith("n’t") || p.endsWith("n't")
                    || p.equals("never") || p.equals("be") || p.equals("been") || p.equals("being")
                    || p.equals("is") || p.equals("was") || p.equals("were") || p.equals("are")
                    || p.equals("what's") || p.equals("what’s") || p.equals("so-called")) {
                return false;
            }
        }
        if (lexicon.nounLike().contains(t.lower())) {
            return verbInContext(k);
        }
        if (t.lower().endsWith("ing") && prev != null && !prev.isPunct(',') && !prev.is("and") && !prev.is("by")
                && !prev.is("while") && !prev.isQuote() && !(k + 1 < array.length && (array[k + 1].isPunct(':')
                || array[k + 1].isWord() && lexicon.complementizers().contains(array[k + 1].lower())))) {
            return false; // "a reporting station": an adjective, not ", saying" or "a letter stating that"
        }
        if (t.is("pointed") || t.is("points") || t.is("pointing")) {
            return isWord(k + 1, "out"); // "pointed out", not "pointing to a slowdown"
        }
        return true;
    }

    /**
     * {@code states}, {@code claims}: a verb when followed by {@code that} or a colon, when it opens an
     * attribution after a comma or quote ({@code , reports Reuters}), or when a name or pronoun precedes it
     * and a phrase follows.
     */
    private boolean verbInContext(int k) {
        Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
        Token prev = k > 0 ? tokens.get(k - 1) : null;
        if (next != null && (next.is("that") || next.isPunct(':'))) {
            return true;
        }
        if (prev != null && (prev.isPunct(',') || prev.isQuote())) {
            return true;
        }
        if (prev != null && next != null && (capitalized(k - 1) && Character.isLetter(text.charAt(prev.start()))
                || lexicon.pronouns().contains(prev.lower()))
                && (capitalized(k + 1) || next.isPunct(',') || next.isQuote() || next.isWord()
                && (next.is("the") || lexicon.pronouns().contains(next.lower())))) {
            return true;
        }
        // "The lawsuit claims the company misled ...": a noun subject, then the clause's subject
        return prev != null && next != null && prev.isWord() && !capitalized(k - 1)
                && k >= 2 && array[k - 2].isWord() && WordLists.SUBJECT_DETERMINERS.contains(array[k - 2].lower())
                && next.isWord() && (WordLists.SUBJECT_DETERMINERS.contains(next.lower())
                || lexicon.pronouns().contains(next.lower()));
    }

}
