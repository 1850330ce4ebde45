package org.newsline.extract.statements;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds indirect and mixed statements: a reported clause governed by an explicit cue. Three shapes:
 * <ul>
 *   <li>cue first: {@code X said (that) CLAUSE}, {@code X told reporters CLAUSE}, {@code X threatened to ...},
 *       {@code X accused Y of ...}, {@code a study found that ...};</li>
 *   <li>cue last: {@code CLAUSE, X said.}, {@code CLAUSE, said X, a spokeswoman.}, with the attribution
 *       possibly inside ({@code Many of the prisons, she said, are aging});</li>
 *   <li>source cue: {@code According to X, CLAUSE} and {@code CLAUSE, according to X}.</li>
 * </ul>
 * A clause holding a quote is mixed; a clause that is only a quote is left to the direct quotes.
 */
final class ReportedSpeechFinder {

    /** A reported clause with its source phrase and cue. */
    record Report(Span content, Span speaker, String cue, int cueToken, boolean mixed) {
    }

    /** A finite verb form: an auxiliary, a listed past or present form, or a negated auxiliary. */
    static boolean finite(String w) {
        return WordLists.FINITE.contains(w) || w.endsWith("n't") || w.endsWith("n’t");
    }

    List<Report> find(Article a) {
        List<Report> out = new ArrayList<>();
        int sentences = a.sentenceStart.length;
        for (int s = 0; s < sentences; s++) {
            int from = a.sentenceStart[s];
            if (from < 0) {
                continue;
            }
            while (from < a.sentenceEnd[s] && a.tok(from).kind() == Token.Kind.BREAK) {
                from++;
            }
            int to = a.sentenceEnd[s];
            while (to > from && (a.isPunct(to - 1, '.') || a.isPunct(to - 1, '!') || a.isPunct(to - 1, '?')
                    || a.tok(to - 1).kind() == Token.Kind.BREAK)) {
                to--;
            }
            if (to - from < 3) {
                continue;
            }
            for (int k = from; k < to; k++) {
                Report r = null;
                if (SpeakerAttacher.isAccordingTo(a, k)) {
                    r = sourceCue(a, k, from, to);
                } else if (a.isWord(k, "wherein") || a.isWord(k, "in") && a.isWord(k + 1, "which")) {
                    r = documentClause(a, k, from, to);
                } else if (a.tok(k).isWord() && a.lexicon.reports(a.tok(k).lower()) && a.isActiveVerb(k)) {
                    r = cueVerb(a, k, from, to);
                }
                if (r != null && acceptable(a, r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Drops clauses that are only a quote (direct) or too short to be a statement. */
    private static boolean acceptable(Article a, Report r) {
        int words = 0;
        int quotes = 0;
        for (int k = r.content().from(); k < r.content().to(); k++) {
            if (a.tok(k).isWord()) {
                words++;
            } else if (a.tok(k).isQuote()) {
                quotes++;
            }
        }
        if (words == 0 || r.speaker() == null) {
            return false;
        }
        String head = a.tok(r.speaker().from()).lower().replace('’', '\'');
        int apostrophe = head.indexOf('\'');
        if (apostrophe > 0) {
            head = head.substring(0, apostrophe); // "We’ll"
        }
        boolean upperCase = a.text.startsWith(a.tok(r.speaker().from()).lower().toUpperCase(java.util.Locale.ROOT),
                a.tok(r.speaker().from()).start()) && head.length() > 1;
        if ((r.speaker().length() == 1 || apostrophe > 0 || head.equals("we"))
                && WordLists.NOT_SOURCES.contains(head) && !upperCase) { // "WHO" is a source, "who" is not
            return false; // the author ("we"), or nobody
        }
        return words + quotes >= 2;
    }

    // ---- according to X ------------------------------------------------------------------------------------

    private Report sourceCue(Article a, int k, int from, int to) {
        Span source = SpeakerPhrase.after(a, k + SpeakerAttacher.sourceCueLength(a, k), to);
        String cueText = SpeakerAttacher.sourceCueText(a, k);
        if (source == null) {
            return null;
        }
        int first = firstContentToken(a, from, k);
        if (first >= k) {
            // According to X, CLAUSE.
            int c = source.to();
            while (c < to && !a.isPunct(c, ',')) {
                c++;
            }
            if (c >= to) {
                return null;
            }
            Span content = trimContent(a, c + 1, to);
            return content == null ? null : report(a, content, source, cueText, k);
        }
        // CLAUSE, according to X[, CLAUSE-rest].
        for (int m = k - 1; m > first; m--) {
            if (a.isPunct(m, '—') || a.isPunct(m, '–') || a.isPunct(m, '(') || a.isPunct(m, '-')
                    && a.isPunct(m - 1, '-')) {
                first = firstContentToken(a, m + 1, k); // "Given that history -- and the fact that ..."
                break;
            }
        }
        while (first + 2 < k && (a.isWord(first, "and") || a.isWord(first, "the") && a.isWord(first + 1, "fact")
                && a.isWord(first + 2, "that"))) {
            first += a.isWord(first, "and") ? 1 : 3;
        }
        for (int m = k - 1; m >= first && m >= k - 3; m--) {
            if (a.tok(m).isWord() && a.lexicon.clauseVerbs().contains(a.tok(m).lower()) && a.isActiveVerb(m)) {
                return null; // "“…,” he said, according to the Intelligencer": the report of a report
            }
        }
        int end = k;
        while (end > first && a.tok(end - 1).kind() == Token.Kind.PUNCT) {
            end--;
        }
        int after = source.to();
        if (after < to && a.isPunct(after, ',') && continuesClause(a, after + 1, to)) {
            end = to; // the attribution interrupts the clause
        }
        Span content = trimContent(a, first, end);
        if (content != null) {
            content = dropLeadingAttribution(a, content);
        }
        return content == null ? null : report(a, content, source, cueText, k);
    }

    // ---- a joint statement wherein ... ---------------------------------------------------------------------

    /** {@code a joint statement ... wherein the two agreed to ...}: the document's content. */
    private Report documentClause(Article a, int k, int from, int to) {
        int doc = -1;
        for (int m = k - 1; m >= from && m >= k - 12; m--) {
            if (a.tok(m).isWord() && WordLists.DOCUMENTS.contains(a.tok(m).lower())) {
                doc = m;
                break;
            }
        }
        if (doc < 0) {
            return null;
        }
        int s = doc;
        while (s - 1 >= from && a.tok(s - 1).isWord() && !a.capitalized(s - 1) && s > doc - 4) {
            s--;
            if (WordLists.DOC_DETERMINERS.contains(a.tok(s).lower())) {
                break;
            }
        }
        String cue = null;
        int cueToken = -1;
        for (int m = from; m < k; m++) {
            if (a.tok(m).isWord() && a.lexicon.clauseVerbs().contains(a.tok(m).lower()) && a.isActiveVerb(m)) {
                cue = SpeakerAttacher.cueText(a, m);
                cueToken = m;
            }
        }
        int start = a.isWord(k, "in") ? k + 2 : k + 1;
        Span content = trimContent(a, start, to);
        return content == null ? null : report(a, content, new Span(s, doc + 1), cue, cueToken < 0 ? doc : cueToken);
    }

    // ---- cue verbs -----------------------------------------------------------------------------------------

    private Report cueVerb(Article a, int k, int from, int to) {
        String verb = a.tok(k).lower();
        int cueEnd = SpeakerAttacher.cueEnd(a, k);
        String cue = SpeakerAttacher.cueText(a, k);
        Lexicon lx = a.lexicon;

        // Cue last: "CLAUSE, X said." or "CLAUSE, said X."
        if (!lx.promiseVerbs().contains(verb) && !lx.accuseVerbs().contains(verb)
                && !lx.characterizeVerbs().contains(verb)) {
            Report last = cueLast(a, k, cueEnd, from, to, cue);
            if (last != null) {
                return last;
            }
        }
        if (!lx.clauseVerbs().contains(verb) && !lx.documentVerbs().contains(verb) && !lx.promiseVerbs()
                .contains(verb) && !lx.accuseVerbs().contains(verb) && !lx.characterizeVerbs().contains(verb)) {
            return null;
        }
        Span speaker = SpeakerAttacher.speakerOf(a, k, from);
        if (speaker == null) {
            return null;
        }
        int c = cueEnd;
        if (lx.promiseVerbs().contains(verb)) {
            if (!a.isWord(c, "to")) {
                return null;
            }
            return build(a, c + 1, to, speaker, cue, k);
        }
        if (lx.accuseVerbs().contains(verb)) {
            int of = c;
            while (of < to && of < c + 10 && !a.isWord(of, "of")) {
                of++;
            }
            return of < to && a.isWord(of, "of") ? build(a, c, to, speaker, cue, k) : null;
        }
        if (lx.characterizeVerbs().contains(verb)) {
            // "rejected these accusations as “patently false”": up to the quoted words after "as"
            for (int q = c + 1; q < to && q <= c + 25; q++) {
                if (a.tok(q).isQuote() && a.isWord(q - 1, "as")) {
                    Span content = trimContent(a, c, q + 1);
                    return content == null ? null : report(a, content, speaker, cue, k);
                }
                if (a.tok(q).isQuote() || a.isPunct(q, '.')) {
                    return null;
                }
            }
            return null;
        }
        int first = firstContentToken(a, from, to);
        if (a.isWord(first, "as") && speaker.from() <= first + 2) {
            // "As X noted at the time, CLAUSE"
            for (int m = cueEnd; m < to && m < cueEnd + 8; m++) {
                if (a.isPunct(m, ',')) {
                    return build(a, m + 1, to, speaker, cue, k);
                }
                if (a.tok(m).isQuote()) {
                    break;
                }
            }
        }
        if (first < to && a.tok(first).isWord() && WordLists.SUBORDINATORS.contains(a.tok(first).lower())
                && noComma(a, first, k)) {
            // "While X said CLAUSE, MAIN": the reported clause ends with the subordinate clause
            int comma = c;
            while (comma < to && !a.isPunct(comma, ',')) {
                comma++;
            }
            to = comma;
        }
        boolean told = WordLists.TELL.contains(verb);
        // Skip the person told: "told reporters", "told The Hill in a statement".
        if (told) {
            int o = skipObject(a, c, to);
            if (o == c && !a.isWord(c, "that") && WordLists.TELL_NEEDS_OBJECT.contains(verb)) {
                return null; // "told" needs someone told; "warned" does not
            }
            if (a.isWord(o, "to") || a.isWord(o, "about") || a.isWord(o, "of")) {
                return null; // an order ("told him to leave") or a topic
            }
            c = o;
        }
        int that = findThat(a, c, to, told || a.lexicon != Lexicon.ENGLISH);
        if (that >= 0) {
            if (SUGGESTING.contains(verb) && subjunctive(a, that, to)) {
                return null; // "suggested that Beijing resume buying": advice, not a statement
            }
            return build(a, that + 1, to, speaker, cue, k);
        }
        // "said Friday it was investigating": a time between the cue and its clause
        while (c + 1 < to && a.tok(c).isWord() && WordLists.TIME_WORDS.contains(a.tok(c).lower())
                && a.tok(c + 1).isWord() && !a.capitalized(c + 1)) {
            c++;
        }
        if (lx.documentVerbs().contains(verb) && !lx.clauseVerbs().contains(verb)) {
            return null; // "the scan revealed severe inflammation": no clause
        }
        if (c < to && (a.isPunct(c, ',') || a.isPunct(c, ':'))) {
            return null; // "X said:" before a quote, or an inserted phrase
        }
        if (!WordLists.BARE_CLAUSE.contains(verb) && !(c < to && a.tok(c).isWord()
                && WordLists.SUBJECT_PRONOUNS.contains(a.tok(c).lower())) && !namedSubjectThenVerb(a, c, to)) {
            return null; // "denied the allegations": without "that", only saying verbs take a bare clause
        }

        if (!startsClause(a, c, to)) {
            return null;
        }
        return build(a, c, to, speaker, cue, k);
    }

    /** {@code CLAUSE, X said[, CLAUSE-rest].} or {@code CLAUSE, said X.}: the clause before the cue. */
    private Report cueLast(Article a, int k, int cueEnd, int from, int to, String cue) {
        Span speaker;
        int boundary;
        if (k - 1 >= from && (a.isPunct(k - 1, ',') || a.tok(k - 1).isQuote())
                && !a.tok(k).lower().endsWith("ing") && !WordLists.TELL.contains(a.tok(k).lower())) {
            // cue first in its segment: ", said X"
            speaker = SpeakerPhrase.after(a, cueEnd, to);
            if (speaker == null) {
                return null;
            }
            boundary = a.tok(k - 1).isQuote() ? k : k - 1;
        } else {
            if (a.tok(k).lower().endsWith("ing")) {
                return null;
            }
            speaker = SpeakerPhrase.before(a, k, from);
            if (speaker == null) {
                return null;
            }
            int b = speaker.from() - 1;
            if (b < from) {
                return null;
            }
            if (a.tok(b).isQuote()) {
                boundary = b + 1;
            } else if (a.isPunct(b, ',')) {
                boundary = b;
            } else {
                return null;
            }
        }
        int first = firstContentToken(a, from, boundary);
        if (first >= boundary) {
            return null;
        }
        if (a.tok(boundary - 1).isQuote() && !quoteWithFewWords(a, first, boundary - 1)
                && !clauseAroundQuote(a, first, boundary - 1)) {
            return null; // "“…,” X said": a direct quote, or a quote opened after a colon
        }
        // Everything after the cue must be attribution only (a phrase, time, "in a statement"), or a comma and
        // the rest of the interrupted clause.
        int tailEnd = attributionTail(a, Math.max(cueEnd, speaker.to()), to);
        int end = boundary;
        if (tailEnd < to) {
            if (a.isPunct(tailEnd, ',') && continuesClause(a, tailEnd + 1, to)) {
                end = to;
            } else {
                return null;
            }
        }
        if (!hasVerb(a, first, end)) {
            return null; // "Speaking with reporters after the event, Trump hinted at ...": no clause
        }
        Span content = trimContent(a, first, end);
        if (content == null) {
            return null;
        }
        content = dropLeadingAttribution(a, content);
        return content == null ? null : report(a, content, speaker, cue, k);
    }

    /** {@code “The people aren’t buying” the plan} or {@code Border agents “say …”}: at most 3 words outside. */
    private static boolean quoteWithFewWords(Article a, int first, int quote) {
        int words = 0;
        for (int k = first; k < quote; k++) {
            if (a.isBoundary(k)) {
                return false;
            }
            if (a.tok(k).isWord()) {
                words++;
            }
        }
        return words >= 1 && words <= 3;
    }

    /**
     * {@code The outages have been “terribly disruptive” and ..., “we won’t ...,” X said}: the author's clause
     * before the quote has its own verb, so the whole is one mixed statement. A colon before the quote makes
     * it a separate direct quote.
     */
    private static boolean clauseAroundQuote(Article a, int first, int quote) {
        if (quote - 1 >= first && a.isPunct(quote - 1, ':')) {
            return false;
        }
        for (int k = first; k < quote; k++) {
            if (a.isPunct(k, ':')) {
                return false;
            }
        }
        for (int k = first; k < quote; k++) {
            Token t = a.tok(k);
            if (t.isWord() && !a.capitalized(k) && finite(t.lower()) && !a.lexicon.reports(t.lower())) {
                return true; // "That being said, “…”" has no clause of its own
            }
        }
        return false;
    }

    /** {@code As X noted at the time, CLAUSE}: the leading attribution is not part of the clause. */
    private static Span dropLeadingAttribution(Article a, Span content) {
        int k = content.from();
        if (!(a.isWord(k, "as") || a.isWord(k, "like"))) {
            return content;
        }
        for (int m = k + 1; m < content.to() && m < k + 14; m++) {
            if (a.isPunct(m, ',')) {
                boolean cue = false;
                for (int c = k + 1; c < m; c++) {
                    if (a.tok(c).isWord() && a.lexicon.reports(a.tok(c).lower())) {
                        cue = true;
                    }
                }
                return cue && m + 1 < content.to() ? new Span(m + 1, content.to()) : content;
            }
        }
        return content;
    }

    /** The end of the attribution after a cue: prepositional phrases, times, "in a statement", no clause. */
    private static int attributionTail(Article a, int from, int to) {
        if (from < to && from > 0 && a.tok(from - 1).isWord() && WordLists.TELL.contains(a.tok(from - 1).lower())) {
            from = skipObject(a, from, to); // "an agency spokesman told us."
        }
        if (from < to && a.tok(from).isWord() && !WordLists.TAIL_START.contains(a.tok(from).lower())
                && !a.capitalized(from)) {
            return from;
        }
        int e = from;
        while (e < to) {
            Token t = a.tok(e);
            if (t.isPunct(',')) {
                if (e + 1 < to && (SpeakerAttacher.isAccordingTo(a, e + 1)
                        || a.tok(e + 1).isWord() && a.tok(e + 1).lower().endsWith("ing"))) {
                    return to; // ", adding ...", ", offering the example ..."
                }
                if (apposition(a, e + 1, to)) {
                    return to; // ", a professor at ..." up to the end of the sentence
                }
                return e;
            }
            if (t.isQuote() || t.kind() == Token.Kind.BREAK) {
                return e;
            }
            if (t.isWord() && !a.capitalized(e) && (WordLists.FINITE.contains(t.lower()) && !t.is("said")
                    || t.is("that"))) {
                return e;
            }
            e++;
        }
        return e;
    }

    /** The words from {@code k} to the sentence end are a phrase, not a clause: an apposition. */
    private static boolean apposition(Article a, int k, int to) {
        if (k >= to || continuesClause(a, k, to)) {
            return false;
        }
        for (int m = k; m < to; m++) {
            Token t = a.tok(m);
            if (t.isQuote() || t.isWord() && !a.capitalized(m) && (WordLists.FINITE.contains(t.lower())
                    || t.is("that"))) {
                return false;
            }
        }
        return true;
    }

    /** After an interrupting attribution, the clause goes on with a verb ({@code , she said, are aging}). */
    private static boolean continuesClause(Article a, int k, int to) {
        if (k >= to || !a.tok(k).isWord() || a.capitalized(k)) {
            return false;
        }
        String w = a.tok(k).lower();
        return WordLists.FINITE.contains(w) || WordLists.ADVERBS.contains(w) && k + 1 < to && a.tok(k + 1).isWord()
                && WordLists.FINITE.contains(a.tok(k + 1).lower()) || w.endsWith("ed") || w.equals("not");
    }

    /** Skips the person told: a name, a pronoun, "reporters", "the paper", and a following time or place. */
    private static int skipObject(Article a, int c, int to) {
        int o = c;
        if (o < to && a.capitalized(o)) {
            while (o < to && (a.capitalized(o) || a.tok(o).isWord() && (a.tok(o).is("of") || a.tok(o).is("and"))
                    && o + 1 < to && a.capitalized(o + 1))) {
                o++;
            }
        } else if (o + 1 < to && a.tok(o).isWord() && a.tok(o).lower().endsWith("s") && !a.capitalized(o)
                && !WordLists.OBJECTS.contains(a.tok(o).lower()) && a.tok(o + 1).isWord()
                && (WordLists.SUBJECT_PRONOUNS.contains(a.tok(o + 1).lower()) || a.isWord(o + 1, "that"))) {
            o++; // "told doctors he ate the meat"
        } else if (o < to && a.tok(o).isWord() && WordLists.OBJECTS.contains(a.tok(o).lower())) {
            o++;
            if (WordLists.OBJECT_DETERMINERS.contains(a.tok(o - 1).lower())) {
                // "the paper", "the audience": a short phrase, then the clause
                int e = o;
                while (e < to && e < o + 2 && a.tok(e).isWord() && !a.tok(e).is("that")
                        && !WordLists.PREPOSITIONS.contains(a.tok(e).lower()) && !finite(a.tok(e).lower())
                        && !WordLists.SUBJECT_PRONOUNS.contains(a.tok(e).lower())
                        && !WordLists.SUBJECT_START.contains(a.tok(e).lower())) {
                    e++;
                }
                return e;
            }
        }
        return o;
    }

    /**
     * "that" opening the clause within a few words of the cue, with only the person told, a time or a place
     * between ({@code told reporters at a news conference that}); a plain object ends the search.
     */
    private static int findThat(Article a, int c, int to, boolean lenient) {
        boolean inPhrase = lenient;
        for (int k = c; k < to && k < c + 16; k++) {
            Token t = a.tok(k);
            if (t.isWord() && a.lexicon.complementizers().contains(t.lower())) {
                return k;
            }
            if (t.isQuote() || t.kind() == Token.Kind.BREAK) {
                return -1;
            }
            if (t.isPunct(',')) {
                inPhrase = lenient;
                continue;
            }
            if (!t.isWord()) {
                return -1;
            }
            String w = t.lower();
            if (!a.capitalized(k) && (finite(w) || w.endsWith("ed") || a.lexicon.pronouns().contains(w)
                    && !WordLists.OBJECTS.contains(w))) {
                return -1;
            }
            if (WordLists.PREPOSITIONS.contains(w) || WordLists.TIME_WORDS.contains(w)
                    || WordLists.TIME_PREPS.contains(w)) {
                inPhrase = true;
                continue;
            }
            if (a.capitalized(k) || WordLists.OBJECTS.contains(w) || WordLists.ADVERBS.contains(w)
                    || Character.isDigit(w.charAt(0))) {
                continue;
            }
            if (!inPhrase) {
                return -1; // "wrote hundreds of songs that summer"
            }
        }
        return -1;
    }

    /** The words after a cue look like a clause: a subject then a finite verb within a few words. */
    private static boolean startsClause(Article a, int c, int to) {
        if (c >= to) {
            return false;
        }
        if (a.tok(c).isQuote()) {
            return true;
        }
        Token first = a.tok(c);
        if (!first.isWord() || WordLists.PREPOSITIONS.contains(first.lower()) && !a.capitalized(c)) {
            return false; // "said in a statement released by police": no clause
        }
        if (first.is("not") || first.is("to")) {
            return false; // "asked not to be identified"
        }
        boolean number = Character.isDigit(first.lower().charAt(0));
        if (number && !finiteWithin(a, c, to, 4)) {
            return false;
        }
        if (!a.capitalized(c) && first.lower().endsWith("ing") && finiteWithin(a, c, to, 10)) {
            return true; // "says putting astronauts to sleep could make it easier"
        }
        if (!a.capitalized(c) && !WordLists.SUBJECT_START.contains(first.lower())) {
            // "said residents do not ...": a bare plural subject needs its verb right away
            for (int k = c + 1; k < to && k <= c + 3; k++) {
                String w = a.tok(k).lower();
                if (a.tok(k).isWord() && (finite(w) || w.endsWith("ed"))) {
                    return true;
                }
            }
            return false;
        }
        if (WordLists.SUBJECT_PRONOUNS.contains(first.lower()) && c + 1 < to
                && a.tok(c + 1).isWord() && !a.capitalized(c + 1)) {
            return true; // "say they show utmost restraint"
        }
        for (int k = c + 1; k < to && k < c + 12; k++) {
            Token t = a.tok(k);
            if (t.isQuote()) {
                return true;
            }
            if (!t.isWord() || a.capitalized(k)) {
                continue;
            }
            String w = t.lower();
            if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3 && a.tok(k - 1).isWord()
                    && a.tok(k - 1).lower().endsWith("ly")) {
                return true; // "the law unfairly targets immigrants"
            }
            if (finite(w) || w.endsWith("ed") && k > c && !a.isWord(k - 1, "and") && !a.isWord(k - 1, "or")
                    && !a.isPunct(k - 1, ',')) {
                return true;
            }
        }
        return false;
    }

    private static boolean noComma(Article a, int from, int to) {
        for (int k = from; k < to; k++) {
            if (a.isPunct(k, ',')) {
                return false;
            }
        }
        return true;
    }

    /** The tokens hold a verb (or a quote, which holds one). */
    private static boolean hasVerb(Article a, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = a.tok(k);
            if (t.isQuote() || t.isWord() && !a.capitalized(k) && (finite(t.lower()) || t.lower().endsWith("ed")
                    || t.lower().endsWith("s") && k > from && !a.tok(k - 1).isWord())) {
                return true;
            }
            if (t.isWord() && !a.capitalized(k) && k > from && t.lower().endsWith("s")
                    && a.tok(k - 1).isWord() && !WordLists.NOUN_MODIFIERS.contains(a.tok(k - 1).lower())) {
                return true; // "the base serves", "prices rise"
            }
        }
        return false;
    }

    /** Verbs of advice, whose clause may be a subjunctive ("that the President change his diet"). */
    private static final java.util.Set<String> SUGGESTING = java.util.Set.of("suggested", "suggests", "urged",
            "recommended", "proposed", "demanded", "insisted", "asked");

    /** "Bloomberg reported WeWork is ...": a name then a finite verb at once. */
    private static boolean namedSubjectThenVerb(Article a, int c, int to) {
        if (c >= to || !a.capitalized(c) || !Character.isLetter(a.text.charAt(a.tok(c).start()))) {
            return false;
        }
        for (int k = c + 1; k < to && k <= c + 3; k++) {
            if (a.tok(k).isWord() && !a.capitalized(k)) {
                return FINITE_PRESENT_OR_AUX.contains(a.tok(k).lower());
            }
        }
        return false;
    }

    private static final java.util.Set<String> FINITE_PRESENT_OR_AUX = java.util.Set.of("is", "are", "was",
            "were", "will", "would", "could", "can", "should", "may", "might", "has", "have", "had");

    /** After "that", a short subject and then a bare verb ("that Beijing resume buying"). */
    private static boolean subjunctive(Article a, int that, int to) {
        int m = that + 1;
        if (m < to && (a.isWord(m, "the") || a.isWord(m, "a"))) {
            m++;
        }
        int subject = m;
        while (m < to && a.capitalized(m)) {
            m++;
        }
        if (m == subject && m < to && a.tok(m).isWord()) {
            m++; // one lower-case noun
        }
        if (m == subject || m >= to || !a.tok(m).isWord() || a.capitalized(m)) {
            return false;
        }
        String w = a.tok(m).lower();
        return !finite(w) && !w.endsWith("s") && !w.endsWith("ed") && !w.endsWith("ing")
                && !WordLists.ADVERBS.contains(w);
    }

    private static boolean finiteWithin(Article a, int c, int to, int n) {
        for (int k = c + 1; k < to && k <= c + n; k++) {
            if (a.tok(k).isWord() && finite(a.tok(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private static int firstContentToken(Article a, int from, int to) {
        int k = from;
        while (k < to && (a.tok(k).kind() == Token.Kind.PUNCT || a.tok(k).kind() == Token.Kind.BREAK
                || a.tok(k).isWord() && WordLists.LEADING_CONNECTORS
                .contains(a.tok(k).lower()))) {
            k++;
        }
        return k;
    }

    /** The clause from {@code from}, up to a trailing attribution or the sentence end. */
    private static Report build(Article a, int from, int to, Span speaker, String cue, int cueToken) {
        int end = to;
        for (int k = from + 1; k < to; k++) {
            if (a.isPunct(k, ',') && k + 1 < to && (SpeakerAttacher.isAccordingTo(a, k + 1)
                    || trailingAttribution(a, k + 1, to)
                    || a.tok(k + 1).isWord() && a.tok(k + 1).lower().endsWith("ing")
                    && a.lexicon.reports(a.tok(k + 1).lower())
                    || a.isWord(k + 1, "but") && k + 2 < to && a.tok(k + 2).isWord()
                    && WordLists.SUBJECT_START.contains(a.tok(k + 2).lower())
                    || a.tok(k + 1).isWord() && WordLists.TRAILING.contains(a.tok(k + 1).lower()))) {
                end = k;
                break;
            }
            boolean coordinator = a.isWord(k, "and") || a.isWord(k, "but");
            if (coordinator && k + 1 < to && (a.isWord(k + 1, "that") && k + 2 < to && a.tok(k + 2).isQuote()
                    || a.tok(k + 1).isWord() && a.lexicon.clauseVerbs().contains(a.tok(k + 1).lower())
                    && !a.lexicon.documentVerbs().contains(a.tok(k + 1).lower()) && a.isActiveVerb(k + 1)
                    && !a.tok(k + 1).lower().endsWith("ing") && !a.isWord(k + 1, "asked")
                    || a.isWord(k + 1, "called") && (a.isWord(k + 2, "on") || a.isWord(k + 2, "for")))
                    || a.isWord(k, "but") && a.tok(k - 1).isQuote() && k + 1 < to && a.tok(k + 1).isWord()
                    && WordLists.SUBJECT_START.contains(a.tok(k + 1).lower())
                    || (a.isPunct(k, '—') || a.isPunct(k, '–')) && k + 1 < to && (a.isWord(k + 1, "and")
                    || a.isWord(k + 1, "but"))) {
                // "..., but added ...", "... and called on ...", "... and that “…”", "... — and in some cases ..."
                end = a.isPunct(k - 1, ',') ? k - 1 : k;
                break;
            }
        }
        Span content = trimContent(a, from, end);
        return content == null ? null : report(a, content, speaker, cue, cueToken);
    }

    /** {@code , X said} / {@code , the agency said in a statement} closing a sentence. */
    private static boolean trailingAttribution(Article a, int k, int to) {
        for (int m = k; m < to && m < k + 8; m++) {
            if (a.tok(m).isWord() && !a.capitalized(m) && a.lexicon.clauseVerbs().contains(a.tok(m).lower())
                    && a.isActiveVerb(m)) {
                return attributionTail(a, m + 1, to) >= to;
            }
            if (a.isBoundary(m)) {
                return false;
            }
        }
        return false;
    }

    private static Span trimContent(Article a, int from, int to) {
        int s = from;
        while (s < to && (a.tok(s).kind() == Token.Kind.PUNCT && !a.tok(s).is("(")
                || a.tok(s).kind() == Token.Kind.BREAK)) {
            s++;
        }
        int e = to;
        while (e > s && a.tok(e - 1).kind() == Token.Kind.PUNCT && !a.tok(e - 1).is(")")) {
            e--;
        }
        return s < e ? new Span(s, e) : null;
    }

    private static Report report(Article a, Span content, Span speaker, String cue, int cueToken) {
        boolean mixed = false;
        int quotes = 0;
        int words = 0;
        for (int k = content.from(); k < content.to(); k++) {
            if (a.tok(k).isQuote()) {
                quotes++;
            } else if (a.tok(k).isWord()) {
                words++;
            }
        }
        if (quotes > 0 && words == 0) {
            return null; // only a quote: a direct statement
        }
        mixed = quotes > 0;
        return new Report(content, speaker, cue, cueToken, mixed);
    }
}
