package org.newsline.extract.statements;

/**
 * Attaches a source and cue to a direct quote from the words around it, in its own sentence: after the quote
 * ({@code “…,” X said} and {@code “…,” said X, a spokeswoman}), then before it ({@code X said: “…”},
 * {@code X told reporters that “…”}, {@code According to X, “…”}, {@code X had a similar experience: “…”}).
 * Quotes with no attribution of their own are left to the extractor (continuation and context).
 */
final class SpeakerAttacher {

    private static final int MAX_BEFORE = 40;

    Attribution attach(Article a, int qk) {
        Attribution after = after(a, qk);
        if (after != null) {
            return after;
        }
        return before(a, qk);
    }

    /** {@code “…,” X said} or {@code “…,” said X}, up to the end of the sentence or the next quote. */
    Attribution after(Article a, int qk) {
        int hi = a.sentenceLast(qk);
        for (int m = qk + 1; m < hi; m++) {
            if (a.tok(m).isQuote() || a.tok(m).kind() == Token.Kind.BREAK) {
                hi = m;
                break;
            }
        }
        int k = qk + 1;
        while (k < hi && (a.isPunct(k, ',') || a.isPunct(k, '—') || a.isPunct(k, '–') || a.isPunct(k, '-'))) {
            k++;
        }
        if (k >= hi) {
            return null;
        }
        if (isAccordingTo(a, k)) {
            Span np = SpeakerPhrase.after(a, k + sourceCueLength(a, k), hi);
            return np == null ? null : new Attribution(np, sourceCueText(a, k), k);
        }
        if (k + 1 < hi && WordLists.AUXILIARIES.contains(a.tok(k).lower()) && isCue(a, k + 1)) {
            k++; // ", a déclaré le président", ", ha dicho"
        }
        if (isCue(a, k)) {
            Span np = SpeakerPhrase.after(a, cueEnd(a, k), hi);
            return np == null ? null : new Attribution(np, cueText(a, k), k);
        }
        for (int m = k; m < Math.min(hi, k + 24); m++) {
            Token w = a.tok(m);
            if (!w.isWord()) {
                continue;
            }
            if (!a.capitalized(m) && a.lexicon.notSpeech().contains(w.lower()) && m - k <= 6) {
                Span np = SpeakerPhrase.before(a, m, k);
                if (np != null && onlySkippable(a, k, np.from())) {
                    return Attribution.NOT_SPEECH;
                }
                return null;
            }
            if (isCue(a, m)) {
                Span np = SpeakerPhrase.before(a, m, k);
                if (np == null || !onlySkippable(a, k, np.from())) {
                    return null;
                }
                return new Attribution(np, cueText(a, m), m);
            }
        }
        return null;
    }

    /** {@code X said: “…”}, {@code X said that “…”}, {@code According to X, “…”}, {@code X, ...: “…”}. */
    Attribution before(Article a, int qk) {
        int lo = a.sentenceFirst(qk);
        if (lo >= qk) {
            return null;
        }
        for (int m = qk - 1; m >= lo && m >= qk - MAX_BEFORE; m--) {
            if (isAccordingTo(a, m)) {
                Span np = SpeakerPhrase.after(a, m + sourceCueLength(a, m), qk);
                return np == null ? null : new Attribution(np, sourceCueText(a, m), m);
            }
            if (isCue(a, m)) {
                Span np = speakerOf(a, m, lo);
                if (np == null) {
                    np = SpeakerPhrase.after(a, cueEnd(a, m), qk);
                }
                return np == null ? null : new Attribution(np, cueText(a, m), m);
            }
        }
        if (a.isPunct(qk - 1, ':')) {
            // "in the words of the patient: “…”"
            for (int m = qk - 2; m > lo && m >= qk - 10; m--) {
                if (a.isWord(m, "of") && a.isWord(m - 1, "words")) {
                    Span np = SpeakerPhrase.after(a, m + 1, qk - 1);
                    if (np != null) {
                        return new Attribution(np, null, -1);
                    }
                }
            }
            Span subject = SpeakerPhrase.subject(a, lo, qk - 1);
            if (subject != null && subject.length() <= 6 && looksLikeSource(a, subject)) {
                return new Attribution(subject, null, -1);
            }
        }
        return null;
    }

    /** The speaker of a cue verb: the phrase before it, or the main subject for a participle. */
    static Span speakerOf(Article a, int cue, int lo) {
        String w = a.tok(cue).lower();
        int prev = SpeakerPhrase.skipBackAdverbs(a, cue - 1, lo);
        if (prev >= lo && (a.isWord(prev, "and") || a.isWord(prev, "but"))) {
            // "X visited the border and argued that ...": the subject of the first verb
            return SpeakerPhrase.subject(a, lo, cue);
        }
        if (w.endsWith("ing")) {
            for (int c = cue - 1; c >= lo; c--) {
                if (isCue(a, c) && !a.tok(c).lower().endsWith("ing")) {
                    return speakerOf(a, c, lo);
                }
            }
            return SpeakerPhrase.subject(a, lo, cue);
        }
        return SpeakerPhrase.before(a, cue, lo);
    }

    /** A phrase that can be a source: a name, a pronoun or a noun phrase with a capitalised word. */
    static boolean looksLikeSource(Article a, Span s) {
        for (int k = s.from(); k < s.to(); k++) {
            Token t = a.tok(k);
            if (a.capitalized(k) && Character.isLetter(a.text.charAt(t.start()))
                    && !WordLists.NOT_NAMES.contains(t.lower())
                    || a.lexicon.pronouns().contains(t.lower()) && !t.is("it") && !t.is("i") && !t.is("we")) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlySkippable(Article a, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = a.tok(k);
            if (t.isWord() && !WordLists.CONNECTORS.contains(t.lower()) && !WordLists.ADVERBS.contains(t.lower())) {
                return false;
            }
            if (t.isQuote()) {
                return false;
            }
        }
        return true;
    }

    /** The source cues of every language, split into words once. */
    private static final java.util.Map<String, java.util.List<String[]>> SOURCE_CUE_WORDS = new java.util.HashMap<>();

    /** First words of all source cues: most tokens are rejected with one lookup. */
    private static final java.util.Set<String> SOURCE_CUE_FIRST = new java.util.HashSet<>();

    static {
        for (Lexicon lexicon : Lexicon.ALL) {
            SOURCE_CUE_WORDS.put(lexicon.language(),
                    lexicon.sourceCues().stream().map(c -> c.split(" ")).toList());
            for (String cue : lexicon.sourceCues()) {
                SOURCE_CUE_FIRST.add(cue.split(" ")[0]);
            }
        }
    }

    /** A source cue ({@code according to}, {@code selon}, {@code según}) starts at token {@code k}. */
    static boolean isAccordingTo(Article a, int k) {
        return sourceCueLength(a, k) > 0;
    }

    /** Number of tokens of the source cue starting at {@code k}, 0 when there is none. */
    static int sourceCueLength(Article a, int k) {
        Token t = a.tok(k);
        if (!t.isWord() || !SOURCE_CUE_FIRST.contains(t.lower())) {
            return 0;
        }
        for (String[] parts : SOURCE_CUE_WORDS.get(a.lexicon.language())) {
            boolean match = true;
            for (int i = 0; i < parts.length && match; i++) {
                match = a.isWord(k + i, parts[i]);
            }
            if (match && !(parts.length == 1 && parts[0].equals("per") && !(a.capitalized(k + 1)
                    || a.isWord(k + 1, "the")))) {
                return parts.length; // "per" only before a source ("per the WHO"), not "per cent"
            }
        }
        return 0;
    }

    static String sourceCueText(Article a, int k) {
        return a.slice(k, k + sourceCueLength(a, k)).toLowerCase(java.util.Locale.ROOT);
    }

    /** A cue verb at token {@code k}, used as an active verb. */
    static boolean isCue(Article a, int k) {
        Token t = a.tok(k);
        if (!t.isWord() || !a.lexicon.attributes(t.lower()) || !a.isActiveVerb(k)) {
            return false;
        }
        // "pointed out" needs its particle; "put it" needs its object.
        if (t.is("pointed") || t.is("points")) {
            return a.isWord(k + 1, "out");
        }
        if (t.is("put")) {
            return a.isWord(k + 1, "it");
        }
        return true;
    }

    static int cueEnd(Article a, int k) {
        Token t = a.tok(k);
        if ((t.is("pointed") || t.is("points")) && a.isWord(k + 1, "out") || t.is("put") && a.isWord(k + 1, "it")) {
            return k + 2;
        }
        return k + 1;
    }

    static String cueText(Article a, int k) {
        return a.slice(k, cueEnd(a, k)).toLowerCase(java.util.Locale.ROOT);
    }
}
