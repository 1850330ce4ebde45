package org.newsline.extract.statements;

/**
 * Finds the noun phrase naming a source next to a cue: before it ({@code Sen. Ben Sasse, R-Neb., said}) or
 * after it ({@code said Jane Doe, a spokeswoman for the agency}). Appositions are left out of the phrase.
 */
final class SpeakerPhrase {

    private SpeakerPhrase() {
    }

    /** A word that opens an introductory phrase ({@code In a statement, ...}), not a source's name. */
    static boolean isIntroWord(String w) {
        return WordLists.INTRO_WORDS.contains(w);
    }

    /** Skips adverbs, auxiliaries and time phrases that stand between a speaker and its cue. */
    static int skipBackAdverbs(Article a, int j, int lo) {
        while (j >= lo) {
            Token t = a.tok(j);
            if (t.isWord() && WordLists.ADVERBS.contains(t.lower()) && !a.capitalized(j)) {
                j--;
            } else if (t.isWord() && (WordLists.TIME_WORDS.contains(t.lower())
                    || Character.isDigit(t.lower().charAt(0)))
                    && j - 1 >= lo && isTimeRun(a, j, lo)) {
                int k = j;
                while (k >= lo && a.tok(k).isWord() && (WordLists.TIME_WORDS.contains(a.tok(k).lower())
                        || Character.isDigit(a.tok(k).lower().charAt(0)))) {
                    k--;
                }
                j = k - 1; // the preposition
            } else if (t.isPunct(',') && j - 2 >= lo && a.tok(j - 1).isWord()
                    && WordLists.ADVERBS.contains(a.tok(j - 1).lower()) && a.tok(j - 2).isPunct(',')) {
                j -= 3; // ", however,"
            } else {
                break;
            }
        }
        return j;
    }

    /** A run of time words (Nov. 18, this month) right after a time preposition. */
    private static boolean isTimeRun(Article a, int j, int lo) {
        int k = j;
        while (k >= lo && a.tok(k).isWord() && (WordLists.TIME_WORDS.contains(a.tok(k).lower())
                || Character.isDigit(a.tok(k).lower().charAt(0)))) {
            k--;
        }
        return k >= lo && k < j && a.tok(k).isWord() && WordLists.TIME_PREPS.contains(a.tok(k).lower());
    }

    /** The source phrase ending just before the cue at {@code cue}, not reaching below token {@code lo}. */
    static Span before(Article a, int cue, int lo) {
        int j = skipBackAdverbs(a, cue - 1, lo);
        if (j < lo) {
            return null;
        }
        if (a.tok(j).isPunct(',')) {
            return throughAppositions(a, j, lo);
        }
        if (a.isBoundary(j)) {
            return null;
        }
        if (a.tok(j).isWord() && WordLists.SUBJECT_PRONOUNS.contains(a.tok(j).lower())) {
            return new Span(j, j + 1); // "and I said", "he added"
        }
        int s = j;
        while (s - 1 >= lo && !a.isBoundary(s - 1) && s > j - 14) {
            Token t = a.tok(s - 1);
            if (!a.capitalized(s - 1) && (WordLists.VERBISH.contains(t.lower()) || a.lexicon.attributes(t.lower())
                    || t.lower().equals("who") || t.lower().equals("where") || t.lower().endsWith("ed")
                    && t.lower().length() > 4 && !a.isWord(s, "by"))) {
                break;
            }
            s--;
        }
        return trim(a, s, j + 1);
    }

    /**
     * {@code NAME, apposition, apposition, said}: walks back over comma-separated segments to the one that
     * names the source. {@code comma} is the comma right before the cue.
     */
    private static Span throughAppositions(Article a, int comma, int lo) {
        int end = comma;
        Span lastCandidate = null;
        for (int guard = 0; guard < 6; guard++) {
            int b = end - 1;
            while (b >= lo && !a.isBoundary(b)) {
                b--;
            }
            Span seg = new Span(b + 1, end);
            if (seg.isEmpty()) {
                return lastCandidate;
            }
            Kind kind = classify(a, seg);
            if (kind == Kind.INTRO && seg.from() > lo && a.tok(seg.from()).lower().endsWith("ing")) {
                kind = Kind.APPOSITION; // "Trump, speaking to reporters, said": a participle phrase inside
            }
            if (kind == Kind.NAME) {
                return trim(a, seg.from(), seg.to());
            }
            if (kind == Kind.INTRO) {
                return lastCandidate;
            }
            lastCandidate = trim(a, seg.from(), seg.to());
            if (b < lo || !a.tok(b).isPunct(',')) {
                return lastCandidate;
            }
            end = b;
        }
        return lastCandidate;
    }

    enum Kind { NAME, APPOSITION, INTRO }

    static Kind classify(Article a, Span seg) {
        Token first = a.tok(seg.from());
        Token last = a.tok(seg.to() - 1);
        String f = first.lower();
        String raw = a.text.substring(first.start(), first.end());
        if (WordLists.PARTY_STATE.matcher(raw).matches() || Character.isDigit(f.charAt(0))) {
            return Kind.APPOSITION;
        }
        if (WordLists.INTRO_WORDS.contains(f) || WordLists.CONNECTORS.contains(f)) {
            return Kind.INTRO;
        }
        if (!a.capitalized(seg.from()) || f.equals("the") || f.equals("a") || f.equals("an") || f.equals("who")) {
            return Kind.APPOSITION;
        }
        for (int k = seg.from(); k < seg.to(); k++) {
            Token t = a.tok(k);
            if (t.isWord() && !a.capitalized(k) && (WordLists.VERBISH.contains(t.lower()) || t.lower().endsWith("ed")
                    && !t.lower().equals("red"))) {
                return Kind.INTRO; // a clause, not a phrase
            }
        }
        if (a.lexicon.pronouns().contains(f) && seg.length() == 1) {
            return Kind.NAME;
        }
        for (int k = seg.from(); k < seg.to(); k++) {
            if (a.tok(k).isWord() && !a.capitalized(k) && !WordLists.NAME_PARTICLES.contains(a.tok(k).lower())) {
                return Kind.APPOSITION; // "Head of Research at ICICI Securities" describes, it does not name
            }
        }
        return a.capitalized(seg.to() - 1) && last.isWord() ? Kind.NAME : Kind.APPOSITION;
    }

    /** The source phrase right after a cue ending at token {@code from}: {@code said Jane Doe, ...}. */
    static Span after(Article a, int from, int hi) {
        if (from >= hi) {
            return null;
        }
        Token first = a.tok(from);
        if (first.isWord() && !a.capitalized(from) && (WordLists.INTRO_WORDS.contains(first.lower())
                || WordLists.VERBISH.contains(first.lower()) || WordLists.ADVERBS.contains(first.lower()))) {
            return null; // "said in a statement": no source after the cue
        }
        int e = from;
        boolean hasName = false;
        while (e < hi && e - from < 12) {
            if (a.isBoundary(e)) {
                break;
            }
            Token t = a.tok(e);
            if (t.isWord() && !a.capitalized(e)) {
                String l = t.lower();
                if (e > from && WordLists.STOP_AFTER.contains(l)) {
                    break;
                }
                if (hasName && !WordLists.NAME_PARTICLES.contains(l) && !l.equals("of") && !l.equals("from")) {
                    break; // "sagte Angela Merkel am Montag", "said Jane Doe in a statement"
                }
                if ((l.equals("of") || l.equals("from")) && hasName) {
                    break;
                }
                if (WordLists.VERBISH.contains(l) && !l.equals("it")) {
                    break;
                }
            }
            if (a.capitalized(e)) {
                hasName = true;
            }
            e++;
        }
        Span s = trim(a, from, e);
        return s == null || s.isEmpty() ? null : s;
    }

    /** Drops connectors, adverbs and punctuation at the edges of a phrase. */
    static Span trim(Article a, int s, int e) {
        while (s < e) {
            Token t = a.tok(s);
            if (t.isWord() && (WordLists.CONNECTORS.contains(t.lower()) || WordLists.ADVERBS.contains(t.lower())
                    && !a.capitalized(s)) || t.kind() == Token.Kind.PUNCT) {
                s++;
            } else {
                break;
            }
        }
        while (e > s && a.tok(e - 1).kind() == Token.Kind.PUNCT && !a.tok(e - 1).is(")")) {
            e--;
        }
        return s < e ? new Span(s, e) : null;
    }

    /**
     * The subject of the sentence starting at {@code from}: its first noun phrase after any introductory
     * phrase, for participle cues ({@code ..., saying that}).
     */
    static Span subject(Article a, int from, int hi) {
        int k = from;
        // Skip an introductory phrase that ends with a comma ("In October, Rep. David McKinley ...").
        if (k < hi && a.tok(k).isWord() && (WordLists.INTRO_WORDS.contains(a.tok(k).lower())
                || WordLists.CONNECTORS.contains(a.tok(k).lower()))) {
            int c = k;
            while (c < hi && !a.tok(c).isPunct(',') && !a.tok(c).isQuote()) {
                c++;
            }
            if (c < hi && a.tok(c).isPunct(',')) {
                k = c + 1;
            }
        }
        int e = k;
        while (e < hi && !a.isBoundary(e) && e - k < 10) {
            Token t = a.tok(e);
            if (!a.capitalized(e) && (WordLists.VERBISH.contains(t.lower()) || a.lexicon.reports(t.lower())
                    || WordLists.FINITE.contains(t.lower())
                    || WordLists.ADVERBS.contains(t.lower()) || a.lexicon.notSpeech().contains(t.lower())
                    || t.lower().endsWith("ed") && e > k)) {
                break;
            }
            e++;
        }
        return trim(a, k, e);
    }
}
