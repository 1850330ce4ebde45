package org.newsline.extract.statements;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every word list the statement extractor uses, per language, in one place. Languages are pluggable: give a
 * new {@code Lexicon} and add it to {@link #ALL}. Quote marks are common to all languages (QuoteFinder knows
 * them all); what differs is the cue words, pronouns and titles.
 *
 * @param language        ISO 639-1 code
 * @param markers         frequent function words, to recognise the language of a text
 * @param clauseVerbs     speech verbs that take the reported clause ({@code said (that) ...})
 * @param quoteVerbs      verbs that may attribute a direct quote only ({@code laughed}, {@code joked})
 * @param sourceCues      cues written before the source, the content elsewhere ({@code according to X})
 * @param documentVerbs   what documents, studies and tests {@code found} or {@code showed}; need {@code that}
 * @param promiseVerbs    promises and threats whose infinitive is the content ({@code threatened to sue})
 * @param accuseVerbs     verbs whose content is {@code X of doing Y}
 * @param characterizeVerbs verbs that carry a quoted fragment ({@code called it “a disaster”})
 * @param notSpeech       verbs that look like attributions but report no statement (sing, think, hope)
 * @param complementizers words opening the reported clause, left out of its span ({@code that})
 * @param pronouns        pronouns that may stand for a speaker
 * @param malePronouns    pronouns pointing to a man
 * @param femalePronouns  pronouns pointing to a woman
 * @param titles          titles kept in front of a name ({@code President}, {@code Sen.})
 * @param roleNouns       nouns that stand for an organisation or document named elsewhere ({@code agency})
 * @param orgWords        words that make a capitalised name an organisation, not a person
 * @param nounLike        cue verbs that are more often plural nouns ({@code states}, {@code claims}); they
 *                        count as cues only where the context shows a verb
 */
public record Lexicon(
        String language,
        Set<String> markers,
        Set<String> clauseVerbs,
        Set<String> quoteVerbs,
        List<String> sourceCues,
        Set<String> documentVerbs,
        Set<String> promiseVerbs,
        Set<String> accuseVerbs,
        Set<String> characterizeVerbs,
        Set<String> notSpeech,
        Set<String> complementizers,
        Set<String> pronouns,
        Set<String> malePronouns,
        Set<String> femalePronouns,
        Set<String> titles,
        Set<String> roleNouns,
        Set<String> orgWords,
        Set<String> nounLike) {

    /** A verb that can attribute a direct quote. */
    boolean attributes(String lower) {
        return clauseVerbs.contains(lower) || quoteVerbs.contains(lower);
    }

    /** A verb that can introduce indirect or mixed speech. */
    boolean reports(String lower) {
        return REPORTING.get(language).contains(lower);
    }

    /** Every reporting verb of each language in one set, so the common test is one lookup. */
    private static final java.util.Map<String, Set<String>> REPORTING = new java.util.HashMap<>();

    private static final Set<String> ORG_WORDS = Set.of(
            "department", "ministry", "agency", "university", "center", "centre", "commission", "office", "group",
            "association", "institute", "council", "party", "times", "news", "post", "police", "court", "house",
            "hospital", "airlines", "bank", "capital", "securities", "equities", "reuters", "inc", "inc.", "corp",
            "corp.", "co", "co.", "ltd", "llc", "company", "foundation", "committee", "service", "services",
            "network", "journal", "press", "club", "league", "union", "board", "authority", "administration",
            "army", "navy", "force", "forces", "government", "organization", "organisation", "federation",
            "school", "college", "museum", "senate", "congress", "parliament", "kremlin", "pentagon",
            "nasa", "fbi", "cia", "cdc", "who", "un", "eu", "nato", "tv", "radio", "magazine", "review", "report",
            "statement", "bureau", "laboratory", "lab", "observatory", "society", "fund", "trust", "systems",
            "technologies", "motors", "industries", "holdings", "partners", "media", "project", "desk",
            "division", "unit", "team", "cup", "finals", "series", "tour", "awards", "festival", "street",
            "avenue", "road", "park", "river", "island", "city", "county", "state", "states", "republic",
            "kingdom", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    public static final Lexicon ENGLISH = new Lexicon(
            "en",
            Set.of("the", "and", "of", "to", "is", "was", "that", "said", "with", "for"),
            Set.of("said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
                    "argued", "argues", "arguing", "alleged", "alleges", "claimed", "claims", "claiming",
                    "confirmed", "confirms", "confirming", "denied", "denies", "denying", "warned", "warns",
                    "warning", "announced", "announces", "announcing", "testified", "testifies", "noted", "notes",
                    "noting", "wrote", "writes", "tweeted", "tweets", "insisted", "insists", "insisting",
                    "explained", "explains", "explaining", "stated", "states", "stating", "reported", "reports",
                    "reporting", "acknowledged", "acknowledges", "acknowledging", "admitted", "admits",
                    "admitting", "recalled", "recalls", "suggested", "suggests", "suggesting", "replied",
                    "responded", "answered", "remarked", "observed", "emphasized", "emphasised", "stressed",
                    "stresses", "conceded", "concedes", "declared", "declares", "concluded", "countered",
                    "complained", "complains", "assured", "assures", "maintained", "maintains", "contended",
                    "contends", "disclosed", "cautioned", "predicted", "predicts", "hinted", "hinting", "asked",
                    "asks", "demanded", "revealed", "reveals", "agreed", "agrees", "commented", "comments",
                    "informed", "mentioned", "mentions", "recounted", "estimated", "pointed", "points", "pointing",
                    "indicated", "indicates", "insist", "argue", "warn", "write", "admit", "deny",
                    "acknowledge", "announce", "confirm", "allege", "claim", "report", "note", "suggest", "contend",
                    "maintain", "predict", "estimate", "testify"),
            Set.of("laughed", "joked", "quipped", "continued", "continues", "related", "recounted", "mused",
                    "exclaimed", "shouted", "yelled", "whispered", "sighed", "offered", "posted", "texted",
                    "emailed", "messaged", "wondered", "asked", "chimed", "put", "described", "pointed",
                    "interjected", "boasted", "bragged", "pleaded", "begged", "urged", "wrote", "writes",
                    "assures", "assured", "announced", "tweeted", "smiled", "grinned", "added", "explained",
                    "reflected", "recalled", "cautioned"),
            List.of("according to", "per"),
            Set.of("found", "finds", "showed", "shows", "revealed", "reveals", "indicated", "indicates",
                    "suggested", "suggests", "projected", "projects", "concluded", "concludes", "estimated",
                    "estimates", "confirmed", "confirms"),
            Set.of("pledged", "vowed", "promised", "threatened", "threatens", "threatening", "vows", "pledges",
                    "promises"),
            Set.of("accused", "accuses", "accusing"),
            Set.of("described", "describes", "describing", "rejected", "rejects", "dismissed", "characterized"),
            Set.of("sings", "sang", "sing", "singing", "sung", "chant", "chants", "chanted", "chanting",
                    "thought", "thinks", "think", "believes", "believed", "believe", "hopes", "hoped", "hope",
                    "fears", "feared", "expects", "expected", "feels", "felt", "wants", "wanted", "wonders",
                    "reads", "read", "realized", "realised", "knows", "knew", "imagined", "dreamed", "recognize",
                    "recognized", "decided", "decides", "worried", "worries"),
            Set.of("that"),
            Set.of("he", "she", "they", "we", "i", "it"),
            Set.of("he", "him", "his", "himself"),
            Set.of("she", "her", "hers", "herself"),
            Set.of("president", "vice", "sen", "sen.", "senator", "rep", "rep.", "representative", "gov", "gov.",
                    "governor", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof", "prof.",
                    "professor", "gen", "gen.", "general", "adm", "adm.", "admiral", "col", "col.", "colonel", "lt",
                    "lt.", "capt", "capt.", "captain", "sgt", "sgt.", "cmdr", "cmdr.", "commander", "mayor",
                    "judge", "justice", "secretary", "minister", "prime", "chancellor", "king", "queen", "prince",
                    "princess", "pope", "rev", "rev.", "sir", "dame", "lord", "lady", "coach", "chairman",
                    "chairwoman", "ambassador", "sheriff", "detective", "officer", "speaker", "maj", "maj.",
                    "pastor", "bishop", "cardinal", "rabbi", "imam", "sheikh", "premier", "inspector",
                    "commissioner", "superintendent", "senior", "author", "attorney"),
            Set.of("agency", "company", "firm", "statement", "department", "ministry", "government", "office",
                    "report", "study", "court", "group", "organization", "organisation", "police", "team",
                    "club", "league", "board", "committee", "commission", "union", "bank", "campaign",
                    "utility", "brokerage", "administration", "military", "army", "letter", "paper", "survey",
                    "poll", "analysis", "lawsuit", "complaint", "filing", "release", "network", "newspaper",
                    "magazine", "airline", "retailer", "carrier", "regulator", "council", "party", "institute",
                    "university", "hospital", "service", "federation", "association", "foundation", "email",
                    "post", "tweet", "website", "site", "band", "school", "city", "state", "ministries"),
            ORG_WORDS,
            Set.of("allege", "claim", "report", "note", "argue", "insist", "warn", "deny", "admit", "acknowledge",
                    "announce", "confirm", "suggest", "contend", "maintain", "predict", "estimate", "testify",
                    "states", "claims", "reports", "notes", "comments", "shows", "finds", "projects", "estimates",
                    "tweets", "answers", "replies", "remarks", "calls"));

    public static final Lexicon GERMAN = new Lexicon(
            "de",
            Set.of("der", "die", "das", "und", "nicht", "ist", "ein", "eine", "sagte", "mit", "auch", "sich"),
            Set.of("sagte", "sagten", "sagt", "sagen", "erklärte", "erklärten", "erklärt", "betonte", "betont",
                    "meinte", "meint", "schrieb", "schreibt", "berichtete", "berichtet", "warnte", "warnt",
                    "kritisierte", "bestätigte", "bestätigt", "erläuterte", "antwortete", "behauptete",
                    "behauptet", "versicherte", "twitterte", "fügte", "teilte", "räumte", "kündigte", "so"),
            Set.of("fragte", "rief", "lachte", "ergänzte"),
            List.of("laut", "zufolge"),
            Set.of("ergab", "zeigte", "zeigt"),
            Set.of("drohte", "versprach"),
            Set.of("warf"),
            Set.of("nannte", "bezeichnete"),
            Set.of("sang", "singt", "glaubt", "glaubte", "hofft", "hoffte", "denkt", "dachte"),
            Set.of("dass", "daß"),
            Set.of("er", "sie", "wir", "ich"),
            Set.of("er", "ihn", "ihm", "sein", "seine"),
            Set.of("sie", "ihr", "ihre"),
            Set.of("präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "dr", "dr.",
                    "prof", "prof.", "herr", "frau", "bürgermeister", "bürgermeisterin", "chef", "chefin",
                    "sprecher", "sprecherin"),
            Set.of("regierung", "ministerium", "unternehmen", "polizei", "behörde", "studie", "bericht",
                    "erklärung", "mitteilung", "gericht", "partei"),
            Set.of("regierung", "ministerium", "polizei", "partei", "gmbh", "ag", "verband", "universität"),
            Set.of());

    public static final Lexicon FRENCH = new Lexicon(
            "fr",
            Set.of("le", "la", "les", "et", "des", "est", "une", "un", "que", "dans", "pas", "du", "pour"),
            Set.of("dit", "déclaré", "déclare", "affirmé", "affirme", "expliqué", "explique", "souligné",
                    "souligne", "ajouté", "ajoute", "estimé", "estime", "indiqué", "indique", "précisé", "précise",
                    "annoncé", "annonce", "assuré", "assure", "confié", "raconté", "écrit", "averti", "prévenu",
                    "répondu", "reconnu", "martelé", "insisté", "tweeté", "déclarait", "disait", "affirmait",
                    "expliquait", "confirmé", "nié", "dénoncé", "lance", "lancé"),
            Set.of("demandé", "s'exclame", "s’exclame", "poursuit", "poursuivi", "conclut"),
            List.of("selon", "d'après", "d’après"),
            Set.of("montre", "montré", "révèle", "révélé"),
            Set.of("menacé", "promis", "juré"),
            Set.of("accusé", "accuse"),
            Set.of("qualifié", "qualifie"),
            Set.of("chanté", "chante", "pense", "pensé", "croit", "espère"),
            Set.of("que", "qu", "qu'", "qu’"),
            Set.of("il", "elle", "ils", "elles", "nous", "je"),
            Set.of("il", "lui"),
            Set.of("elle"),
            Set.of("président", "présidente", "ministre", "premier", "première", "dr", "docteur", "m.", "mme",
                    "monsieur", "madame", "maire", "général", "porte-parole", "directeur", "directrice"),
            Set.of("gouvernement", "ministère", "entreprise", "société", "police", "étude", "rapport",
                    "communiqué", "tribunal", "parti", "agence"),
            Set.of("gouvernement", "ministère", "police", "parti", "société", "université", "agence"),
            Set.of());

    public static final Lexicon SPANISH = new Lexicon(
            "es",
            Set.of("el", "la", "los", "las", "y", "que", "de", "en", "un", "una", "por", "con", "para", "es"),
            Set.of("dijo", "dice", "afirmó", "afirma", "aseguró", "asegura", "declaró", "declara", "explicó",
                    "explica", "señaló", "señala", "añadió", "añade", "agregó", "agrega", "indicó", "indica",
                    "advirtió", "advierte", "manifestó", "sostuvo", "sostiene", "subrayó", "destacó", "anunció",
                    "anuncia", "reconoció", "admitió", "escribió", "respondió", "contó", "comentó", "apuntó",
                    "insistió", "denunció", "confirmó", "negó", "tuiteó", "recalcó", "precisó"),
            Set.of("preguntó", "exclamó", "concluyó"),
            List.of("según", "de acuerdo con"),
            Set.of("muestra", "mostró", "reveló", "revela"),
            Set.of("amenazó", "prometió", "juró"),
            Set.of("acusó", "acusa"),
            Set.of("calificó", "califica"),
            Set.of("cantó", "canta", "cree", "creía", "piensa", "espera"),
            Set.of("que"),
            Set.of("él", "ella", "ellos", "ellas", "nosotros", "yo"),
            Set.of("él"),
            Set.of("ella"),
            Set.of("presidente", "presidenta", "ministro", "ministra", "dr", "dr.", "doctor", "doctora", "sr",
                    "sr.", "sra", "sra.", "señor", "señora", "alcalde", "alcaldesa", "general", "portavoz",
                    "director", "directora"),
            Set.of("gobierno", "ministerio", "empresa", "compañía", "policía", "estudio", "informe",
                    "comunicado", "tribunal", "partido", "agencia"),
            Set.of("gobierno", "ministerio", "policía", "partido", "universidad", "agencia"),
            Set.of());

    private static int countOf(String text, String word, int within) {
        int count = 0;
        int i = text.indexOf(word);
        while (i >= 0 && i < within) {
            count++;
            i = text.indexOf(word, i + word.length());
        }
        return count;
    }

    /** The languages known, English first (the fallback). */
    public static final List<Lexicon> ALL = List.of(ENGLISH, GERMAN, FRENCH, SPANISH);

    static {
        for (Lexicon l : ALL) {
            java.util.Set<String> all = new java.util.HashSet<>();
            all.addAll(l.clauseVerbs);
            all.addAll(l.documentVerbs);
            all.addAll(l.promiseVerbs);
            all.addAll(l.accuseVerbs);
            all.addAll(l.characterizeVerbs);
            REPORTING.put(l.language, Set.copyOf(all));
        }
    }

    /** The lexicon whose function words are most frequent in {@code text}; English when none stands out. */
    public static Lexicon detect(String text) {
        if (countOf(text, " the ", 1500) >= 3) {
            return ENGLISH; // the common case, without looking at every word
        }
        int[] hits = new int[ALL.size()];
        int words = 0;
        int i = 0;
        int n = Math.min(text.length(), 2000);
        while (i < n && words < 150) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > s && i - s <= 8) { // the markers are short words
                words++;
                String w = text.substring(s, i).toLowerCase(Locale.ROOT);
                for (int k = 0; k < ALL.size(); k++) {
                    if (ALL.get(k).markers.contains(w)) {
                        hits[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < hits.length; k++) {
            if (hits[k] > hits[best] * 1.2 + 1) {
                best = k;
            }
        }
        return ALL.get(best);
    }
}
