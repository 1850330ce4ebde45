package org.newsline.extract.statements.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsline.events.StatementKind;
import org.newsline.extract.statements.FoundStatement;
import org.newsline.extract.statements.StatementExtractor;

/**
 * Scores a {@link StatementExtractor} against annotated articles exactly as STATEMENTS.md "Scoring" says.
 *
 * <ul>
 *   <li>Tokens are lower-cased runs of word characters ({@code \w+}, Unicode).</li>
 *   <li>A prediction matches a gold statement of the same bucket when their token multisets overlap by at
 *       least 80% of the longer one; matching is one-to-one and greedy (best overlap first).</li>
 *   <li>Buckets: {@code direct}; {@code indirect} and {@code mixed} together.</li>
 *   <li>Predicted direct quotes under 4 tokens are dropped; a predicted direct quote lying inside a gold mixed
 *       statement that matches nothing is not counted.</li>
 *   <li>The speaker is right when the two {speaker, speakerCanonical} sets share a content word; articles,
 *       prepositions, conjunctions, pronouns, titles and one-letter tokens are not content words.</li>
 * </ul>
 */
public final class StatementScorer {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    static final double MIN_OVERLAP = 0.8;
    static final int MIN_DIRECT_TOKENS = 4;

    /** Words that never make two speakers the same: articles, prepositions, conjunctions, pronouns, titles. */
    private static final Set<String> NOT_CONTENT = Set.of(
            "a", "an", "the",
            "of", "in", "on", "at", "for", "from", "to", "by", "with", "about", "as", "into", "over", "under",
            "after", "before", "between", "per", "via", "through", "during", "against", "among", "within",
            "without", "near", "off", "out", "up", "down", "across", "inside", "outside", "toward", "towards",
            "and", "or", "but", "nor",
            "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "hers",
            "their", "theirs", "its", "our", "my", "your", "who", "which", "that", "this", "these", "those",
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "st",
            "sen", "senator", "rep", "representative", "gov", "governor", "gen", "general", "president", "pres",
            "rev", "hon", "judge", "justice", "cmdr", "col", "lt", "capt", "sgt", "adm", "maj", "cpl", "pvt",
            "det", "insp", "supt", "jr", "sr");

    private StatementScorer() {
    }

    /** One statement as scored: its tokens, kind, speaker words and span. */
    record Scored(Map<String, Integer> tokens, int size, StatementKind kind, Set<String> speakerWords,
                  int start, int end) {
    }

    /**
     * Reads annotated articles (one JSON object a line: {@code source}, {@code text}, {@code statements}) and
     * scores what {@code extractor} finds in each text.
     */
    public static StatementScores score(Path jsonl, StatementExtractor extractor) {
        ObjectMapper json = new ObjectMapper();
        StatementScores total = new StatementScores(0, StatementScores.ZERO, StatementScores.ZERO,
                StatementScores.ZERO);
        try {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = json.readTree(line);
                String text = article.path("text").asText();
                List<Scored> gold = new ArrayList<>();
                for (JsonNode s : article.path("statements")) {
                    gold.add(scored(s.path("quote").asText(), StatementKind.fromWire(s.path("kind").asText()),
                            s.path("speaker").asText(""), s.path("speakerCanonical").asText(""),
                            s.path("start").asInt(), s.path("end").asInt()));
                }
                List<Scored> predicted = new ArrayList<>();
                for (FoundStatement s : extractor.extract(text)) {
                    predicted.add(scored(s.quote(), s.kind(), s.speaker(), s.speakerCanonical(), s.start(),
                            s.end()));
                }
                total = total.plus(scoreArticle(gold, predicted));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** {@code StatementScorer FILE.jsonl...}: prints the three figures for each file. */
    public static void main(String[] args) {
        StatementExtractor extractor = new StatementExtractor();
        for (String file : args) {
            System.out.println(file);
            score(Path.of(file), extractor).print(System.out);
        }
    }

    static Scored scored(String quote, StatementKind kind, String speaker, String canonical, int start,
                         int end) {
        Map<String, Integer> tokens = new HashMap<>();
        int size = 0;
        for (String t : tokens(quote)) {
            tokens.merge(t, 1, Integer::sum);
            size++;
        }
        Set<String> speakerWords = new java.util.HashSet<>();
        for (String t : tokens((speaker == null ? "" : speaker) + " " + (canonical == null ? "" : canonical))) {
            if (t.length() > 1 && !NOT_CONTENT.contains(t)) {
                speakerWords.add(t);
            }
        }
        return new Scored(tokens, size, kind, speakerWords, start, end);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Overlap of two token multisets as a share of the longer one. */
    static double overlap(Scored a, Scored b) {
        int longer = Math.max(a.size(), b.size());
        if (longer == 0) {
            return 0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : a.tokens().entrySet()) {
            common += Math.min(e.getValue(), b.tokens().getOrDefault(e.getKey(), 0));
        }
        return (double) common / longer;
    }

    static boolean speakerRight(Scored predicted, Scored gold) {
        for (String w : predicted.speakerWords()) {
            if (gold.speakerWords().contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean direct(Scored s) {
        return s.kind() == StatementKind.DIRECT;
    }

    /** Scores one article's predictions against its gold statements. */
    static StatementScores scoreArticle(List<Scored> gold, List<Scored> predictedAll) {
        List<Scored> predicted = new ArrayList<>();
        for (Scored p : predictedAll) {
            if (!direct(p) || p.size() >= MIN_DIRECT_TOKENS) {
                predicted.add(p);
            }
        }
        List<Scored> goldDirect = gold.stream().filter(StatementScorer::direct).toList();
        List<Scored> goldOther = gold.stream().filter(g -> !direct(g)).toList();
        List<Scored> predDirect = predicted.stream().filter(StatementScorer::direct).toList();
        List<Scored> predOther = predicted.stream().filter(p -> !direct(p)).toList();

        int[] directMatch = match(predDirect, goldDirect);
        int tp = 0;
        int tpSpeaker = 0;
        int counted = 0;
        for (int i = 0; i < predDirect.size(); i++) {
            Scored p = predDirect.get(i);
            if (directMatch[i] >= 0) {
                tp++;
                counted++;
                if (speakerRight(p, goldDirect.get(directMatch[i]))) {
                    tpSpeaker++;
                }
            } else if (!insideGoldMixed(p, goldOther)) {
                counted++;
            }
        }
        int[] otherMatch = match(predOther, goldOther);
        int tpOther = 0;
        for (int m : otherMatch) {
            if (m >= 0) {
                tpOther++;
            }
        }
        return new StatementScores(1, new StatementScores.Figure(tp, counted, goldDirect.size()),
                new StatementScores.Figure(tpSpeaker, counted, goldDirect.size()),
                new StatementScores.Figure(tpOther, predOther.size(), goldOther.size()));
    }

    private static boolean insideGoldMixed(Scored p, List<Scored> goldOther) {
        for (Scored g : goldOther) {
            if (g.kind() == StatementKind.MIXED && p.start() >= g.start() && p.end() <= g.end()) {
                return true;
            }
        }
        return false;
    }

    /** Greedy one-to-one matching, best overlap first; result[i] is the gold index of prediction i or -1. */
    static int[] match(List<Scored> predicted, List<Scored> gold) {
        record Pair(int p, int g, double overlap) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            for (int j = 0; j < gold.size(); j++) {
                double o = overlap(predicted.get(i), gold.get(j));
                if (o >= MIN_OVERLAP) {
                    pairs.add(new Pair(i, j, o));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::overlap).reversed()
                .thenComparingInt(Pair::p).thenComparingInt(Pair::g));
        int[] result = new int[predicted.size()];
        java.util.Arrays.fill(result, -1);
        boolean[] goldUsed = new boolean[gold.size()];
        for (Pair pair : pairs) {
            if (result[pair.p()] < 0 && !goldUsed[pair.g()]) {
                result[pair.p()] = pair.g();
                goldUsed[pair.g()] = true;
            }
        }
        return result;
    }
}
