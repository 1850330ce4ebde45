package org.newsline.extract.statements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.newsline.events.StatementKind;

/**
 * Finds who said what in an article's plain text (paragraphs separated by blank lines), as STATEMENTS.md
 * defines it: direct quotes, indirect and mixed statements, each with its span, source as written, fullest
 * name of the source, cue and kind.
 *
 * <p>Stages, each in its own class: {@link QuoteFinder} (quoted spans), {@link QuoteFilter} (which quotes can
 * be statements), {@link SpeakerAttacher} (source and cue of a quote), {@link ReportedSpeechFinder} (indirect
 * and mixed statements), {@link NameResolver} (pronouns, surnames and documents to full names). Cue words are
 * in {@link Lexicon}, chosen by the language of the text; the other word lists are in {@link WordLists}.
 *
 * <p>Thread-safe (no state between calls) and never throws: odd input gives fewer statements, not errors.
 */
public final class StatementExtractor {

    static final int MAX_TEXT = 500_000;

    private final SpeakerAttacher attacher = new SpeakerAttacher();
    private final ReportedSpeechFinder reports = new ReportedSpeechFinder();

    /** The statements of {@code text}, in text order. Never throws on odd input. */
    public List<FoundStatement> extract(String text) {
        try {
            return extractOrThrow(text);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    /** {@link #extract} without its safety net: an exception from here is a bug (the fuzz test looks for them). */
    List<FoundStatement> extractOrThrow(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return run(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    }

    /**
     * A statement before its speaker is resolved. Hidden drafts (quotes too short to be statements) are resolved
     * only to carry their speaker to the quotes that continue them.
     */
    private record Draft(int start, int end, StatementKind kind, Attribution attribution, int anchor,
                         int paragraph, boolean hidden) {
    }

    private List<FoundStatement> run(String text) {
        Lexicon lexicon = Lexicon.detect(text);
        Article a = Article.of(text, lexicon);
        int[] paragraph = paragraphs(a);
        List<Draft> drafts = new ArrayList<>();

        for (int i = 0; i < a.quoteCount; i++) {
            int k = a.quoteTokens[i];
            Quote q = a.quote(k);
            if (!QuoteFilter.isStatementQuote(a, k)) {
                // A short quote with its own attribution still tells who speaks next ("“It was terrifying,” she said.")
                Attribution at = a.wordCount(q) < QuoteFilter.MIN_WORDS ? attacher.after(a, k) : null;
                if (at != null && at != Attribution.NOT_SPEECH && !QuoteFilter.isEmbedded(a, k)) {
                    drafts.add(new Draft(q.contentStart(), q.contentEnd(), StatementKind.DIRECT, at, k, paragraph[k],
                            true));
                }
                continue;
            }
            if (QuoteFilter.isEmbedded(a, k) && attacher.after(a, k) == null) {
                continue; // a fragment of the author's sentence, part of a mixed statement if anything
            }
            Attribution at = attacher.attach(a, k);
            if (at == Attribution.NOT_SPEECH) {
                continue;
            }
            drafts.add(new Draft(q.contentStart(), q.contentEnd(), StatementKind.DIRECT, at, k, paragraph[k], false));
        }
        for (ReportedSpeechFinder.Report r : reports.find(a)) {
            int start = a.tok(r.content().from()).start();
            int end = a.tok(r.content().to() - 1).end();
            Attribution at = new Attribution(r.speaker(), r.cue(), r.cueToken());
            drafts.add(new Draft(start, end, r.mixed() ? StatementKind.MIXED : StatementKind.INDIRECT, at,
                    r.content().from(), paragraph[r.content().from()], false));
        }
        drafts.sort(Comparator.comparingInt(Draft::start).thenComparingInt(Draft::end));
        return resolve(a, drafts, paragraph);
    }

    private static int[] paragraphs(Article a) {
        int[] p = new int[a.size()];
        int current = 0;
        for (int k = 0; k < a.size(); k++) {
            if (a.tok(k).kind() == Token.Kind.BREAK) {
                current++;
            }
            p[k] = current;
        }
        return p;
    }

    /** A resolved source: as written, fullest name, the name key and whether it names a person. */
    private record Source(String speaker, String canonical, String key, boolean person) {
    }

    private List<FoundStatement> resolve(Article a, List<Draft> drafts, int[] paragraph) {
        NameResolver names = new NameResolver(a);
        SourceTracker tracker = new SourceTracker(a, names);
        List<FoundStatement> out = new ArrayList<>();
        Draft previous = null;
        Source previousSource = null;
        String previousCue = null;
        for (Draft d : drafts) {
            Source source;
            String cue;
            Draft repeated = d.attribution() == null && d.kind() == StatementKind.DIRECT
                    ? repeatedQuote(a, d, drafts) : null;
            if (d.attribution() != null && d.attribution().speaker() != null) {
                source = tracker.source(d.attribution().speaker());
                cue = d.attribution().cue();
            } else if (repeated != null) {
                // A heading or pull quote repeating words quoted elsewhere: the speaker of those words, no cue.
                source = tracker.source(repeated.attribution().speaker());
                cue = null;
            } else if (d.kind() == StatementKind.DIRECT && previous != null
                    && d.paragraph() - previous.paragraph() <= 1) {
                // A quote with no attribution of its own continues the statement before it; the cue carries over
                // only within the paragraph ("“A,” X said. “B.”").
                source = previousSource;
                cue = d.paragraph() == previous.paragraph() ? previousCue : null;
            } else {
                source = tracker.fromContext(d.anchor());
                cue = null;
            }
            if (source == null || source.speaker().isBlank()) {
                continue;
            }
            previous = d;
            previousSource = source;
            previousCue = cue;
            tracker.spoke(source);
            if (d.hidden()) {
                continue;
            }
            out.add(new FoundStatement(a.text.substring(d.start(), d.end()), source.speaker(), source.canonical(),
                    cue == null ? null : cue.toLowerCase(Locale.ROOT), d.kind(), d.start(), d.end()));
            if (d.kind() == StatementKind.DIRECT) {
                out.addAll(nested(a, d, source));
            }
        }
        out.sort(Comparator.comparingInt(FoundStatement::start).thenComparingInt(FoundStatement::end));
        return dedupe(out);
    }

    /** An attributed direct quote elsewhere in the article with the same words as {@code d}, or null. */
    private static Draft repeatedQuote(Article a, Draft d, List<Draft> drafts) {
        String words = normalised(a.text, d.start(), d.end());
        if (words.length() < 12) {
            return null;
        }
        int at = drafts.indexOf(d);
        // Pull quotes repeat words from nearby; looking at the neighbours keeps long texts linear.
        for (Draft other : drafts.subList(Math.max(0, at - 40), Math.min(drafts.size(), at + 40))) {
            if (other == d || other.kind() != StatementKind.DIRECT || other.attribution() == null
                    || other.attribution().speaker() == null) {
                continue;
            }
            String o = normalised(a.text, other.start(), other.end());
            if (o.contains(words) || words.contains(o) && o.length() >= 12) {
                return other;
            }
        }
        return null;
    }

    /** Lower-case letters and digits only, single spaces between words. */
    private static String normalised(String text, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        boolean space = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        return b.toString().trim();
    }

    private static boolean hasSingleMark(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '‘' || c == '‚' || c == '‹' || c == '›' || c == '\'' && (i == from
                    || !Character.isLetter(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Quotes inside a direct quote that the speaker reports as someone's words ({@code I said: ‘Look, …’}).
     * Thoughts and hypothetical speech have no speech cue and are left out.
     */
    private List<FoundStatement> nested(Article outer, Draft d, Source outerSource) {
        if (d.end() - d.start() < 20 || !hasSingleMark(outer.text, d.start(), d.end())) {
            return List.of();
        }
        Article a = Article.of(outer.text.substring(d.start(), d.end()), outer.lexicon);
        List<FoundStatement> out = new ArrayList<>();
        for (int i = 0; i < a.quoteCount; i++) {
            int k = a.quoteTokens[i];
            if (!QuoteFilter.isStatementQuote(a, k)) {
                continue;
            }
            Attribution at = attacher.before(a, k);
            if (at == null || at.cue() == null || at.speaker() == null || at.cueToken() < 0
                    || !a.lexicon.clauseVerbs().contains(a.tok(at.cueToken()).lower())
                    || at.cueToken() + 1 < a.size() && WordLists.REFLEXIVE.contains(a.tok(at.cueToken() + 1).lower())) {
                continue;
            }
            String speaker = a.slice(at.speaker().from(), at.speaker().to());
            String lower = speaker.toLowerCase(Locale.ROOT);
            String canonical = lower.equals("i") || lower.equals("we") ? outerSource.canonical() : speaker;
            Quote q = a.quote(k);
            int start = d.start() + q.contentStart();
            int end = d.start() + q.contentEnd();
            out.add(new FoundStatement(outer.text.substring(start, end), speaker, canonical, at.cue(),
                    StatementKind.DIRECT, start, end));
        }
        return out;
    }

    /** Drops a statement found twice (same span and kind). */
    private static List<FoundStatement> dedupe(List<FoundStatement> in) {
        List<FoundStatement> out = new ArrayList<>(in.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FoundStatement s : in) {
            if (seen.add(s.start() + ":" + s.end() + ":" + s.kind())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Resolves source phrases in text order, remembering who spoke last (for pronouns and continuations). */
    private static final class SourceTracker {
        private final Article a;
        private final NameResolver names;
        /** How far back a role noun or pronoun looks for its source. */
        private static final int LOOK_BACK = 60;

        private Source last;
        private final List<Source> speakers = new ArrayList<>();
        private final java.util.Set<String> speakerKeys = new java.util.HashSet<>();

        SourceTracker(Article a, NameResolver names) {
            this.a = a;
            this.names = names;
        }

        void spoke(Source s) {
            last = s;
            speakers.add(s);
            if (s.key() != null) {
                speakerKeys.add(s.key());
            }
        }

        Source source(Span span) {
            String written = a.slice(span.from(), span.to());
            String canonical;
            int issued = NameResolver.issuedBy(written);
            if (issued > 0) {
                canonical = written.substring(written.indexOf(" by ", issued) + 4).trim();
                return new Source(written.substring(0, issued).trim(), canonical, null, false);
            }
            if (span.length() == 1 && a.lexicon.pronouns().contains(a.tok(span.from()).lower())) {
                Source r = resolvePronoun(a.tok(span.from()).lower(), span.from());
                if (r != null) {
                    return new Source(written, r.canonical(), r.key(), r.person());
                }
                return new Source(written, written, null, false);
            }
            String key = names.personKey(span);
            canonical = names.canonical(written, span);
            if (key == null) {
                canonical = roleNoun(written, canonical);
            }
            return new Source(written, canonical, key, key != null && personLike(key, span));
        }

        /** {@code the source}, {@code the expert}: the earlier source with the same head noun. */
        private String roleNoun(String written, String canonical) {
            String lower = written.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("the ") || !written.substring(4).equals(lower.substring(4))) {
                return canonical; // only "the expert", not "the State Department statement"
            }
            String head = head(lower);
            for (int i = speakers.size() - 1; i >= 0 && i >= speakers.size() - LOOK_BACK; i--) {
                Source s = speakers.get(i);
                String sl = s.speaker().toLowerCase(Locale.ROOT);
                if (!sl.equals(lower) && head.equals(head(sl))) {
                    return s.canonical();
                }
            }
            return canonical;
        }

        /** The head noun of a phrase: its last word before a preposition ("spokeswoman for the agency"). */
        private static String head(String lowerPhrase) {
            String[] words = lowerPhrase.split(" ");
            String head = words[words.length - 1];
            for (int i = 1; i < words.length; i++) {
                if (WordLists.PREPOSITIONS.contains(words[i]) || words[i].equals("who")) {
                    return words[i - 1];
                }
            }
            return head;
        }

        /**
         * he/she: the subject of this or an earlier sentence when it is a compatible person (a pronoun subject
         * of the same gender points further back), else the last compatible person who spoke.
         */
        Source resolvePronoun(String pronoun, int at) {
            int g = a.lexicon.malePronouns().contains(pronoun) ? 1 : a.lexicon.femalePronouns().contains(pronoun)
                    ? -1 : 0;
            if (g == 0) {
                return pronoun.equals("they") ? plural(at) : last;
            }
            int sentence = a.sentence[at];
            Source found = subjectOf(sentence, at, g);
            if (found != null) {
                return found;
            }
            for (int s = sentence - 1; s >= 0 && s >= sentence - 3; s--) {
                found = subjectOf(s, Integer.MAX_VALUE, g);
                if (found != null) {
                    return found;
                }
                if (!pronounSubject(s, g)) {
                    break;
                }
            }
            for (int i = speakers.size() - 1; i >= 0 && i >= speakers.size() - LOOK_BACK; i--) {
                Source s = speakers.get(i);
                if (s.key() != null && s.person() && names.genderOf(s.key()) * g >= 0) {
                    return s;
                }
            }
            for (int s = sentence - 1; s >= 0 && s >= sentence - 6; s--) {
                found = fromSentence(s, Integer.MAX_VALUE, g);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** they: the plural subject of this or the sentence before ("The two sides met ..."), else the last source. */
        private Source plural(int at) {
            int sentence = a.sentence[at];
            for (int s = sentence; s >= 0 && s >= sentence - 2; s--) {
                int first = a.sentenceStart[s];
                if (first < 0 || first >= at) {
                    continue;
                }
                Span subject = SpeakerPhrase.subject(a, afterIntro(first, a.sentenceEnd[s]), Math.min(at,
                        a.sentenceEnd[s]));
                if (subject != null && subject.length() <= 6) {
                    String written = a.slice(subject.from(), subject.to());
                    String lower = written.toLowerCase(Locale.ROOT);
                    if (lower.endsWith("s") && !lower.endsWith("’s") && !lower.endsWith("'s")
                            && !WordLists.SUBJECT_PRONOUNS.contains(lower)) {
                        return new Source(written, written, null, false);
                    }
                }
            }
            return last;
        }

        /** The first name of a sentence when it stands before the sentence's first verb. */
        private Source subjectOf(int sentence, int before, int g) {
            int first = a.sentenceStart[sentence];
            if (first < 0) {
                return null;
            }
            first = afterIntro(first, a.sentenceEnd[sentence]);
            for (NameResolver.Name n : names.namesIn(sentence, before)) {
                if (n.from() < first) {
                    continue;
                }
                if (n.org() || !personLike(n)) {
                    return null;
                }
                if (n.possessive()) {
                    continue; // "Steenburgen’s son, filmmaker Charlie McDowell": the son
                }
                for (int k = first; k < n.from(); k++) {
                    Token t = a.tok(k);
                    if (t.isWord() && !a.capitalized(k) && (WordLists.VERBISH.contains(t.lower())
                            || a.lexicon.reports(t.lower()) || a.lexicon.notSpeech().contains(t.lower()))) {
                        return null;
                    }
                }
                return names.genderOf(n.key()) * g >= 0 ? named(n) : null;
            }
            return null;
        }

        /** Skips an introductory phrase ending in a comma ("As it turned out, Steenburgen ..."). */
        private int afterIntro(int first, int end) {
            while (first < end && a.tok(first).kind() == Token.Kind.BREAK) {
                first++;
            }
            if (first < end && a.tok(first).isWord() && (SpeakerPhrase.isIntroWord(a.tok(first).lower())
                    || WordLists.CONNECTORS.contains(a.tok(first).lower()))) {
                for (int k = first; k < end && k < first + 15; k++) {
                    if (a.isPunct(k, ',')) {
                        return k + 1;
                    }
                    if (a.tok(k).isQuote()) {
                        break;
                    }
                }
            }
            return first;
        }

        /** The sentence's subject is a pronoun of the same gender, so its person is named further back. */
        private boolean pronounSubject(int sentence, int g) {
            int k = a.sentenceStart[sentence];
            if (k < 0) {
                return false;
            }
            for (int m = k; m < a.sentenceEnd[sentence] && m < k + 12; m++) {
                Token t = a.tok(m);
                if (t.isWord() && (g > 0 ? a.lexicon.malePronouns() : a.lexicon.femalePronouns()).contains(t.lower())) {
                    return true;
                }
            }
            return names.namesIn(sentence, Integer.MAX_VALUE).isEmpty();
        }

        private Source named(NameResolver.Name n) {
            String full = names.fullestOf(n.key());
            return new Source(n.text(), full == null ? n.text() : full, n.key(), true);
        }

        private Source fromSentence(int sentence, int before, int g) {
            for (NameResolver.Name n : names.namesIn(sentence, before)) {
                if (n.org() || n.possessive() || !personLike(n)) {
                    continue;
                }
                if (names.genderOf(n.key()) * g >= 0) {
                    return named(n);
                }
            }
            return null;
        }

        private boolean personLike(String key, Span span) {
            String full = names.fullestOf(key);
            return full != null && full.contains(" ") || names.genderOf(key) != 0;
        }

        private boolean personLike(NameResolver.Name n) {
            if (n.titled() || names.genderOf(n.key()) != 0 || n.to() - n.from() >= 2) {
                return true;
            }
            if (speakerKeys.contains(n.key())) {
                return true;
            }
            String full = names.fullestOf(n.key());
            return full != null && full.contains(" ");
        }

        /**
         * A quote with no attribution and no quote before it: the subject of the sentence before, else the last
         * source.
         */
        Source fromContext(int at) {
            int sentence = a.sentence[at];
            for (int s = sentence - 1; s >= 0 && s >= sentence - 2; s--) {
                for (NameResolver.Name n : names.namesIn(s, Integer.MAX_VALUE)) {
                    if (!n.org() && !n.possessive() && personLike(n)) {
                        return named(n);
                    }
                }
            }
            return last;
        }
    }
}
