package org.newsline.store.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The normalised key that groups the names of one person: the last name-like word after dropping titles,
 * initials and suffixes, so "President Trump", "Donald J. Trump" and "Mr. Trump" are all {@code trump}.
 * A title word right after a name is read as a surname ("Stephen King"). Deliberately simple: two people with one surname share a key, which {@link SpeakerCount#variants()} makes
 * visible.
 */
public final class SpeakerKey {

    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "president", "vice", "prime", "minister", "secretary", "chancellor", "governor", "gov", "senator",
            "sen", "representative", "rep", "congressman", "congresswoman", "mayor", "judge", "justice",
            "general", "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt",
            "chief", "ceo", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson",
            "king", "queen", "prince", "princess", "pope", "rev", "reverend", "father", "sister", "former",
            "the", "us", "u", "s", "state", "deputy", "foreign", "attorney", "speaker", "leader", "director",
            "commissioner", "ambassador", "coach", "officer", "superintendent", "inspector", "premier");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq");

    private SpeakerKey() {
    }

    /** The key of a speaker, preferring the canonical name; null if neither has a usable word. */
    public static String of(String speaker, String speakerCanonical) {
        String key = keyOf(speakerCanonical);
        return key != null ? key : keyOf(speaker);
    }

    static String keyOf(String name) {
        String words = WordMatch.words(possessiveDropped(name));
        if (words.isEmpty()) {
            return null;
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(words.split(" ")));
        while (!tokens.isEmpty() && SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        int last = tokens.size() - 1;
        if (last >= 1 && TITLES.contains(tokens.get(last)) && isName(tokens.get(last - 1))) {
            // a title word right after a name is a surname: Stephen King, Carole King
            return tokens.get(last);
        }
        List<String> kept = new ArrayList<>();
        for (String t : tokens) {
            if (!TITLES.contains(t) && t.length() > 1) {
                kept.add(t);
            }
        }
        if (kept.isEmpty()) {
            // "the president", "a spokesman": a role, not a name; the role is the best key there is
            return tokens.isEmpty() ? null : String.join(" ", tokens);
        }
        return kept.get(kept.size() - 1);
    }

    private static boolean isName(String token) {
        return !TITLES.contains(token) && token.length() > 1;
    }

    private static String possessiveDropped(String name) {
        return name == null ? null : name.replaceAll("['\u2019]s\\b", "");
    }
}
