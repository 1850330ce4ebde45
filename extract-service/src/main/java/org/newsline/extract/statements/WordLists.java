package org.newsline.extract.statements;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word lists and patterns the stages share, in one place. Cue words that differ by language are in
 * {@link Lexicon}; the lists here describe English sentence structure (auxiliaries, connectors, prepositions,
 * titles of works) and serve as the fallback for the other languages.
 */
final class WordLists {

    private WordLists() {
    }

    // ---- used by Article ------------------------------------------------------------------------------

    /** Words that open a sentence or clause and are never part of a speaker or a reported clause. */
    static final Set<String> CONNECTORS = Set.of(
            "but", "and", "so", "yet", "however", "meanwhile", "still", "also", "then", "now", "later", "while",
            "when", "as", "after", "before", "although", "though", "because", "since", "if", "instead", "indeed",
            "moreover", "furthermore", "nonetheless", "nevertheless", "besides", "plus", "or", "earlier", "again",
            "finally", "first", "second", "separately", "similarly", "likewise", "thus", "hence", "overall");

    /** Words between a speaker and the cue that belong to neither ({@code has}, {@code also}, {@code later}). */
    static final Set<String> ADVERBS = Set.of(
            "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "also", "further",
            "then", "later", "previously", "repeatedly", "once", "still", "now", "just", "already", "recently",
            "earlier", "again", "initially", "ultimately", "however", "too", "only", "first", "quickly", "publicly",
            "openly", "flatly", "bluntly", "simply", "instead", "separately", "immediately", "jokingly", "often",
            "frequently", "reportedly", "allegedly", "subsequently", "finally", "even", "both",
            "all", "himself", "herself", "themselves", "itself", "always", "never", "since", "long",
            "privately", "formally", "officially", "specifically", "explicitly", "emphatically", "firmly",
            "angrily", "calmly", "softly", "quietly", "loudly", "proudly", "sadly", "happily", "readily",
            "tearfully", "speaking", "said");

    /** Words that only occur inside a clause with its own verb, never inside a speaker's name. */
    static final Set<String> VERBISH = Set.of(
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "that", "which", "when",
            "if", "whether", "because", "not", "n't", "to", "would", "will", "could", "should", "can", "must",
            "may", "might", "shall", "has", "have", "had", "there", "it", "its");

    /** Auxiliaries that open a compound cue in other languages ({@code a déclaré}, {@code ha dicho}). */
    static final Set<String> AUXILIARIES = Set.of("a", "avait", "aurait", "ont", "ha", "había", "han", "hat",
            "hatte", "habe", "haben");

    /** Words of dates and times ({@code on Tuesday}, {@code this month}) between a cue and its clause. */
    static final Set<String> TIME_WORDS = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
            "year", "morning", "afternoon", "evening", "night", "weekend", "today", "yesterday", "tonight",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "time",
            "day", "days", "weeks", "months", "years", "summer", "winter", "spring", "fall", "autumn");

    /** Words that open a time phrase. */
    static final Set<String> TIME_PREPS = Set.of("on", "in", "last", "this", "next", "earlier", "late", "early",
            "that", "during", "over");

    /** Determiners before a subject noun ({@code the lawsuit claims ...}). */
    static final Set<String> SUBJECT_DETERMINERS = Set.of("the", "a", "an", "this", "his", "her", "its",
            "their", "our");

    // ---- used by SpeakerPhrase ------------------------------------------------------------------------

    /** {@code R-Neb.}, {@code D-Minn.}: party and state after a lawmaker's name. */
    static final Pattern PARTY_STATE = Pattern.compile("[RDI]-[A-Z][A-Za-z.]*");

    /** Words that end a phrase after a cue ({@code said Jane Doe in a statement}). */
    static final Set<String> STOP_AFTER = Set.of(
            "in", "on", "at", "via", "during", "who", "which", "when", "after", "before", "because", "while", "as",
            "adding", "saying", "noting", "told", "to", "that", "about", "for", "following", "near", "and",
            "referring", "citing", "according", "than", "if", "but", "with", "this", "last", "earlier", "late",
            "recently", "yesterday", "today", "tonight", "speaking", "wrote", "said");

    /** Pronouns that can be the subject of a cue or of a reported clause. */
    static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "we", "i", "it");

    /** Lower-case words inside names ({@code Ludwig van Beethoven}). */
    static final Set<String> NAME_PARTICLES = Set.of("de", "van", "von", "der", "den", "bin", "al", "da",
            "del", "la", "le", "di", "du", "dos", "ibn", "ter", "ten", "y");

    /** Words that open an introductory phrase or clause, not a source's name ({@code In a statement, ...}). */
    static final Set<String> INTRO_WORDS = Set.of(
            "in", "on", "at", "for", "after", "before", "during", "with", "without", "from", "by", "to", "of",
            "under", "over", "amid", "despite", "since", "until", "through", "across", "as", "like", "unlike",
            "following", "speaking", "asked", "when", "while", "although", "though", "if", "because", "but",
            "and", "so", "yet", "however", "meanwhile", "still", "also", "then", "now", "later", "earlier",
            "instead", "among", "about", "regarding", "once", "outside", "inside", "near", "here",
            "there", "what", "last", "this", "that", "these", "those", "why", "how", "where");

    // ---- used by ReportedSpeechFinder -----------------------------------------------------------------

    /** Verbs whose object is the person told; the clause follows it. */
    static final Set<String> TELL = Set.of("told", "tells", "tell", "telling", "informed", "assured",
            "assures", "warned", "reminded", "promised", "convinced", "persuaded", "asked");

    /** Telling verbs that need the person told before the clause ({@code told reporters}). */
    static final Set<String> TELL_NEEDS_OBJECT = Set.of("told", "tells", "tell", "telling", "informed",
            "reminded", "convinced", "persuaded");

    /** Objects of a telling verb that are not capitalised names. */
    static final Set<String> OBJECTS = Set.of("him", "her", "them", "us", "me", "you", "reporters",
            "police", "journalists", "lawmakers", "investigators", "friends", "officers", "officials", "members",
            "supporters", "viewers", "readers", "listeners", "parliament", "congress", "employees", "staff",
            "workers", "students", "residents", "customers", "investors", "analysts", "colleagues", "family",
            "the", "a", "his", "their", "its", "our", "my", "audience", "jurors", "judges", "senators");

    /** Prepositions: a cue followed by one has no clause right after it ({@code said in a statement}). */
    static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "for", "from", "by", "with", "about",
            "of", "to", "into", "during", "after", "before", "via", "through", "over", "under", "near", "without",
            "within", "among", "across", "amid", "outside", "inside", "following", "since", "until");

    /** Determiners opening a document phrase ({@code a joint statement}). */
    static final Set<String> DOC_DETERMINERS = Set.of("a", "an", "the", "this", "that", "its", "their");

    /** Determiners opening the phrase for the person told ({@code told the paper}). */
    static final Set<String> OBJECT_DETERMINERS = Set.of("the", "a", "his", "her", "their", "its", "our",
            "my");

    /** Words before a plural noun that show it is a noun, not a verb ending in -s. */
    static final Set<String> NOUN_MODIFIERS = Set.of("the", "a", "an", "of", "in", "on", "and", "for", "to",
                    "with", "by", "at", "from", "its", "their", "his", "her", "our", "many", "some", "all", "these",
                    "those", "two", "three", "more", "most", "other");

    /** Connectors left out at the start of a reported clause. */
    static final Set<String> LEADING_CONNECTORS = Set.of("but", "and", "so", "yet", "however", "meanwhile",
            "still");

    /** Speakers that are not sources: the author writing "we", and nobody. */
    static final Set<String> NOT_SOURCES = Set.of("we", "i", "us", "you", "nothing", "nobody", "none",
            "it", "this", "that", "which", "who");

    /** Words that can open a reported clause as its subject. */
    static final Set<String> SUBJECT_START = Set.of("the", "a", "an", "this", "that", "these", "those",
            "his", "her", "its", "their", "our", "my", "your", "some", "many", "most", "all", "no", "every", "each",
            "both", "any", "several", "he", "she", "it", "they", "we", "i", "you", "there", "one", "none", "more",
            "few", "such", "another", "other", "only", "much", "nobody", "nothing", "everyone", "someone",
            "anyone", "everything", "something", "anything", "people", "police", "officials", "authorities");

    /** Words that may open the attribution's tail after a cue ({@code said in a statement on Monday}). */
    static final Set<String> TAIL_START = Set.of("in", "on", "at", "via", "during", "before", "after",
            "of", "from", "through", "over", "this", "last", "earlier", "late", "yesterday", "today", "tonight",
            "afterward", "afterwards", "later", "recently", "previously", "again", "too", "also", "when", "while",
            "by", "outside", "inside", "following", "told", "as", "according", "here", "there", "shortly",
            "then", "now", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** Words that mark a finite clause near its start: auxiliaries and common irregular past forms. */
    static final Set<String> FINITE = Set.of(
            "is", "are", "was", "were", "will", "would", "could", "can", "should", "may", "might", "must",
            "has", "have", "had", "does", "do", "did", "isn't", "wasn't", "won't", "can't", "don't", "doesn't",
            "didn't", "isn’t", "wasn’t", "won’t", "can’t", "don’t", "doesn’t", "didn’t", "it's", "it’s",
            "made", "found", "said", "told", "took", "gave", "came", "went", "left", "got", "saw", "knew",
            "thought", "became", "began", "ran", "met", "held", "kept", "brought", "put", "set", "paid", "sent",
            "felt", "lost", "won", "led", "fell", "rose", "grew", "hit", "cut", "shot", "broke", "spent",
            "sold", "bought", "built", "needs", "wants", "remains", "means", "makes", "takes", "gets",
            "goes", "says", "shows", "plans", "faces", "seems", "appears", "serves", "supports", "helps",
            "continues", "includes", "depends", "requires", "looks", "works", "comes", "knows", "lacks",
            "represents", "poses", "happens", "exists", "occurs", "matters", "belongs", "stands", "holds");

    /** Cue verbs whose clause often comes without "that" ({@code said the deal would fail}). */
    static final Set<String> BARE_CLAUSE = Set.of("said", "says", "say", "saying", "told", "tells", "tell",
            "telling", "added", "adds", "adding", "argued", "argues", "arguing", "claimed", "claims", "claiming",
            "insisted", "insists", "explained", "explains", "wrote", "writes", "warned", "warns", "suggested",
            "suggests", "predicted", "predicts", "estimated", "estimates", "assured", "acknowledged", "admitted",
            "admits", "conceded", "stressed", "emphasized", "noted", "notes", "pointed", "points", "recalled",
            "hinted", "testified", "declared", "maintained", "maintains", "contended", "contends", "complained",
            "reckoned", "tweeted", "posted", "agreed", "asked", "demanded", "wondered", "explaining", "noting",
            "reports", "announces", "insist", "argue", "claim", "warn", "suggest", "predict", "allege", "contend",
            "maintain",
            "sagte", "sagt", "erklärte", "dijo", "dice", "afirmó", "déclaré", "dit", "affirmé");

    /** Sentence openers that make the first clause subordinate ("While X said A, B"). */
    static final Set<String> SUBORDINATORS = Set.of("while", "although", "though", "whereas", "if",
            "because", "since", "when", "after", "before", "even", "unless", "once");

    /** Trailing clauses cut from a reported clause ("..., as protests escalate"). */
    static final Set<String> TRAILING = Set.of("as", "while", "amid", "despite", "whereas", "shortly");

    /** Nouns of documents whose content a {@code wherein} clause gives. */
    static final Set<String> DOCUMENTS = Set.of("statement", "letter", "report", "memo", "document",
            "filing", "complaint", "lawsuit", "release", "email", "declaration", "communique", "post", "tweet",
            "study", "paper", "ruling", "order", "agreement");

    // ---- used by QuoteFilter --------------------------------------------------------------------------

    /** Small words that stay lower-case in a title. */
    static final Set<String> TITLE_SMALL = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "and",
            "or", "for", "with", "from", "by", "is", "as", "but", "nor", "vs", "de", "la", "le", "el", "y", "und",
            "der", "die", "das");

    /** Words before a quote that make it a name or title. */
    static final Set<String> NAMING = Set.of("called", "named", "dubbed", "titled", "entitled",
            "nicknamed", "headlined", "so-called", "branded", "known", "album", "song", "book", "film", "movie",
            "show", "series", "campaign", "hashtag", "slogan", "single", "novel", "play", "term",
            "phrase", "word", "words", "motto", "label");

    /** Words that may follow a statement quote directly (attribution, conjunctions), so not a term. */
    static final Set<String> FOLLOWERS = Set.of("the", "a", "an", "and", "or", "but", "to", "of", "in",
            "on", "at", "for", "with", "from", "by", "as", "that", "which", "who", "is", "was", "were", "are",
            "has", "have", "had", "will", "would", "could", "can", "he", "she", "they", "it", "we", "i", "not",
            "so", "if", "when", "while", "because", "before", "after", "than", "then", "about", "into", "over",
            "also", "just", "only", "even", "again", "said", "says", "say", "added", "told", "wrote", "this",
            "these", "those", "his", "her", "their", "its", "our", "my", "your", "there", "here", "according",
            "one", "said.", "writes", "adds", "asked", "insisted", "explained", "later", "since", "until", "per",
            "during", "without", "within", "through", "against", "among", "under", "both", "all", "more", "most");

    /** Words after which a quote is a fragment of the author's own sentence ({@code blindsided by “…”}). */
    static final Set<String> EMBEDDING = Set.of("by", "of", "with", "from", "about", "like", "as", "the",
            "a", "an", "for", "in", "on", "at", "into", "is", "was", "are", "were", "be", "been", "his", "her",
            "their", "its", "our", "this", "that's", "it's", "what's");

    // ---- used by NameResolver -------------------------------------------------------------------------

    /** Capitalised words that open sentences and are not names. */
    static final Set<String> NOT_NAMES = Set.of(
            "the", "a", "an", "but", "and", "in", "on", "at", "for", "if", "when", "while", "as", "after", "before",
            "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "its", "his", "her", "their",
            "our", "my", "your", "there", "here", "what", "who", "why", "how", "some", "many", "most", "all",
            "both", "each", "every", "no", "not", "now", "then", "still", "also", "even", "just", "so", "yet",
            "meanwhile", "however", "although", "though", "because", "since", "despite", "during", "over", "under",
            "by", "from", "with", "without", "to", "of", "earlier", "later", "last", "next", "another", "other",
            "one", "two", "three", "four", "five", "according", "asked", "like", "unlike", "among", "more", "less",
            "only", "until", "once", "instead", "indeed", "thus", "such", "do", "does", "did", "is", "was",
            "will", "would", "can", "could", "should", "may", "might", "must", "has", "have", "had", "be", "been",
            "oh", "yes", "ok", "okay", "well", "speaking", "read", "you", "us",
            "wednesday", "monday", "tuesday", "thursday", "friday", "saturday", "sunday");

    /** Lower-case words that may sit inside a name found in running text. */
    static final Set<String> PARTICLES = Set.of("de", "van", "von", "der", "den", "bin", "al", "da", "del",
            "la", "le", "di", "du", "dos", "ibn", "st.", "ter", "ten");

    /** {@code statement published by the Kremlin and State Department}: who issued a quoted document. */
    static final Pattern ISSUED_BY = Pattern.compile(
            "\\b(?:[Ss]tatement|[Ll]etter|[Rr]elease|[Rr]eport|[Aa]nnouncement)s?\\s+(?:was\\s+)?"
                    + "(?:published|issued|released|put out|signed|sent|posted)\\s+by\\s+"
                    + "((?:the\\s+)?\\p{Lu}[\\p{L}.’'&-]*(?:\\s+(?:and\\s+|of\\s+|the\\s+)?\\p{Lu}[\\p{L}.’'&-]*)*)");

    /** The same inside a speaker phrase, to split the document from its issuer. */
    static final Pattern ISSUED_IN_PHRASE = Pattern.compile(
            "\\s(?:published|issued|released|put out|signed|sent|posted)\\s+by\\s");

    // ---- used by Tokenizer ----------------------------------------------------------------------------

    /** Abbreviations whose dot does not end a sentence. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "cmdr", "adm", "maj",
            "prof", "rev", "hon", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "approx", "dept",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "calif", "ariz",
            "fla", "ill", "mass", "mich", "minn", "neb", "nev", "tenn", "tex", "wash", "wis", "conn", "colo", "okla",
            "ore", "ky", "md", "mo", "mont", "ala", "ark", "del", "kan", "miss", "wyo", "vt", "pres", "mt", "ft",
            "ave", "blvd", "fig", "op", "ed", "pp", "supt", "insp", "det", "cpl", "pvt", "messrs", "mme",
            "sra", "dra", "av", "hr", "bzw", "nr", "ca", "vgl", "usw", "z.b", "u.a", "d.h");

    /** Abbreviations that never end a sentence (titles and months are followed by more words). */
    static final Set<String> NEVER_FINAL = Set.of(
            "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "cmdr", "adm", "maj",
            "prof", "rev", "hon", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
            "dec", "no", "vs", "pres", "mt", "ft", "supt", "insp", "det", "cpl", "pvt", "mme");

    // ---- used by StatementExtractor -------------------------------------------------------------------

    /** Reflexive objects: "I told myself: ‘…’" is a thought, not a statement. */
    static final Set<String> REFLEXIVE = java.util.Set.of("myself", "himself", "herself",
            "themselves", "ourselves", "yourself", "itself");
}
