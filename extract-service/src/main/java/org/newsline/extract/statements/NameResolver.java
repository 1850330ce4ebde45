package org.newsline.extract.statements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Resolves a source as written to the fullest name the article gives it: {@code Trump} to
 * {@code President Trump}, {@code he} to the last named man who spoke, {@code the statement} to the
 * organisation that issued it. Names are runs of capitalised words outside quotes; a person's key is the last
 * word of the name (the surname).
 */
final class NameResolver {

    /** A run of capitalised words: a person's or organisation's name. */
    record Name(int from, int to, String text, String key, boolean possessive, boolean titled, boolean org) {
    }

    private final Article a;
    private final List<Name> names = new ArrayList<>();
    private final Map<String, String> fullest = new HashMap<>();
    private final Map<String, Integer> gender = new HashMap<>();
    private final Map<Integer, List<Name>> namesBySentence = new HashMap<>();
    private String issuer;
    private boolean issuerSearched;

    NameResolver(Article a) {
        this.a = a;
        collectNames();
        voteGender();
    }

    /** Who issued the statement the article quotes ("statement published by X"), looked up when needed. */
    private String issuer() {
        if (!issuerSearched) {
            issuerSearched = true;
            Matcher m = WordLists.ISSUED_BY.matcher(a.text);
            if (m.find()) {
                issuer = m.group(1).trim();
            }
        }
        return issuer;
    }

    // ---- names in the article ------------------------------------------------------------------------------

    private void collectNames() {
        int k = 0;
        int n = a.size();
        while (k < n) {
            if (!a.capitalized(k) || !Character.isLetter(a.text.charAt(a.tok(k).start()))) {
                k++;
                continue;
            }
            int s = k;
            while (s < n && a.capitalized(s) && WordLists.NOT_NAMES.contains(a.tok(s).lower())) {
                s++;
            }
            if (s > k) {
                k = s;
                continue;
            }
            int e = s;
            while (e < n && (a.capitalized(e) || WordLists.PARTICLES.contains(a.tok(e).lower()) && e + 1 < n
                    && a.capitalized(e + 1))) {
                e++;
                if (possessive(a.tok(e - 1))) {
                    break;
                }
            }
            addName(s, e);
            k = Math.max(e, k + 1);
        }
        for (Name name : names) {
            if (name.org()) {
                continue;
            }
            String current = fullest.get(name.key());
            String form = nameForm(name);
            if (current == null || form.split(" ").length > current.split(" ").length) {
                fullest.put(name.key(), form);
            }
        }
    }

    private void addName(int s, int e) {
        // Titles at the front stay; leading words before the first title go ("US President Donald Trump").
        int firstName = -1;
        boolean titled = false;
        boolean org = false;
        for (int k = s; k < e; k++) {
            String w = bare(a.tok(k));
            if (a.lexicon.titles().contains(w) || a.lexicon.titles().contains(a.tok(k).lower())) {
                titled = true;
            } else if (firstName < 0) {
                firstName = k;
            }
            if (a.lexicon.orgWords().contains(w)) {
                org = true;
            }
        }
        if (firstName < 0) {
            return; // only titles
        }
        Token last = a.tok(e - 1);
        String key = bare(last);
        boolean poss = possessive(last);
        if (isAcronym(a.text.substring(last.start(), last.end()))) {
            org = true;
        }
        String text = a.text.substring(a.tok(s).start(), last.end());
        if (poss) {
            text = stripPossessive(text);
        }
        Name name = new Name(s, e, text, key, poss, titled, org);
        names.add(name);
        namesBySentence.computeIfAbsent(a.sentence[s], x -> new ArrayList<>()).add(name);
    }

    private String nameForm(Name name) {
        int s = name.from();
        int firstTitle = -1;
        for (int k = name.from(); k < name.to(); k++) {
            String w = bare(a.tok(k));
            if (a.lexicon.titles().contains(w) || a.lexicon.titles().contains(a.tok(k).lower())) {
                firstTitle = k;
                break;
            }
        }
        if (firstTitle > s) {
            s = firstTitle;
        }
        String text = a.text.substring(a.tok(s).start(), a.tok(name.to() - 1).end());
        return name.possessive() ? stripPossessive(text) : text;
    }

    private void voteGender() {
        for (Map.Entry<Integer, List<Name>> e : namesBySentence.entrySet()) {
            String only = null;
            boolean single = true;
            for (Name n : e.getValue()) {
                if (n.org()) {
                    continue;
                }
                if (only == null) {
                    only = n.key();
                } else if (!only.equals(n.key())) {
                    single = false;
                }
            }
            if (only == null || !single) {
                continue;
            }
            String full = fullest.get(only);
            if (full == null || !full.contains(" ")) {
                continue; // a single capitalised word may be no person at all ("Breathing tests")
            }
            int vote = 0;
            int sentence = e.getKey();
            int firstMention = Integer.MAX_VALUE;
            for (Name n : e.getValue()) {
                firstMention = Math.min(firstMention, n.from());
            }
            // Only pronouns after the name can point back to it ("Her son, Charlie McDowell" says nothing).
            for (int k = Math.max(firstMention, a.sentenceStart[sentence]); k < a.sentenceEnd[sentence]; k++) {
                String w = a.tok(k).lower();
                if (a.lexicon.malePronouns().contains(w) || w.equals("mr.") || w.equals("mr")) {
                    vote++;
                } else if (a.lexicon.femalePronouns().contains(w) || w.equals("mrs.") || w.equals("ms.")) {
                    vote--;
                }
            }
            gender.merge(only, Integer.signum(vote), Integer::sum);
        }
    }

    // ---- resolving -----------------------------------------------------------------------------------------

    /** The fullest name for a source phrase; pronouns are resolved by the caller. */
    String canonical(String speaker, Span span) {
        if (span != null) {
            Name name = lastName(span);
            if (name != null && !name.org()) {
                String full = fullest.get(name.key());
                if (full != null && compatible(full, name.text())) {
                    return full;
                }
                return nameForm(name);
            }
            if (name != null) {
                return stripArticle(name.text());
            }
        }
        String lower = speaker.toLowerCase(Locale.ROOT);
        String head = lower.replaceAll(".*\\s", "");
        if ((head.equals("statement") || head.equals("statements")) && issuer() != null) {
            return issuer();
        }
        return speaker;
    }

    /** {@code the statement published by the Kremlin}: the document as speaker, its issuer as canonical. */
    static int issuedBy(String speaker) {
        if (!speaker.contains(" by ")) {
            return -1;
        }
        Matcher m = WordLists.ISSUED_IN_PHRASE.matcher(speaker);
        return m.find() ? m.start() : -1;
    }

    /** The key (surname) of a person named in the span, or null. */
    String personKey(Span span) {
        Name n = lastName(span);
        return n == null || n.org() ? null : n.key();
    }

    boolean isPerson(String key) {
        return key != null && fullest.containsKey(key);
    }

    /** +1 for a man, -1 for a woman, 0 when the article does not say. */
    int genderOf(String key) {
        Integer g = gender.get(key);
        return g == null ? 0 : Integer.signum(g);
    }

    /** Names in a sentence, in text order, before token {@code before}. */
    List<Name> namesIn(int sentence, int before) {
        List<Name> out = new ArrayList<>();
        for (Name n : namesBySentence.getOrDefault(sentence, List.of())) {
            if (n.from() < before) {
                out.add(n);
            }
        }
        return out;
    }

    String fullestOf(String key) {
        return fullest.get(key);
    }

    private Name lastName(Span span) {
        // names are in text order: binary search for the first one starting inside the span
        int lo = 0;
        int hi = names.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (names.get(mid).from() < span.from()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Name best = null;
        for (int i = lo; i < names.size() && names.get(i).from() < span.to(); i++) {
            Name n = names.get(i);
            if (n.to() <= span.to() && (best == null || !n.org() || best.org())) {
                best = n;
            }
        }
        return best;
    }

    /** Two forms of a name agree when the shorter one's words all appear in the longer. */
    private static boolean compatible(String full, String written) {
        String f = " " + full.toLowerCase(Locale.ROOT) + " ";
        for (String w : written.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty() && !f.contains(" " + w + " ") && !f.contains(" " + w.replace(".", "") + " ")) {
                return false;
            }
        }
        return true;
    }

    static String stripArticle(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("the ")) {
            return s.substring(4);
        }
        return s;
    }

    static boolean possessive(Token t) {
        String w = t.lower();
        return w.endsWith("’s") || w.endsWith("'s") || w.endsWith("s’") || w.endsWith("s'");
    }

    private static String stripPossessive(String s) {
        if (s.endsWith("’s") || s.endsWith("'s")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("’") || s.endsWith("'")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    static String bare(Token t) {
        String w = t.lower();
        if (w.endsWith("’s") || w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static boolean isAcronym(String w) {
        int upper = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                upper++;
            } else if (Character.isLowerCase(w.charAt(i))) {
                return false;
            }
        }
        return upper >= 2;
    }
}
