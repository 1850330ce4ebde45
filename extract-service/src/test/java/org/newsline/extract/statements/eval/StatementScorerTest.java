package org.newsline.extract.statements.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.events.StatementKind;
import org.newsline.extract.statements.StatementExtractor;

class StatementScorerTest {

    private static StatementScorer.Scored direct(String quote, String speaker, int start, int end) {
        return StatementScorer.scored(quote, StatementKind.DIRECT, speaker, speaker, start, end);
    }

    private static StatementScorer.Scored of(StatementKind kind, String quote, int start, int end) {
        return StatementScorer.scored(quote, kind, "someone", "someone", start, end);
    }

    @Test
    void tokensAreLowerCasedWordRuns() {
        assertThat(StatementScorer.tokens("Syria, it’s “U.S.-led”!")).containsExactly("syria", "it", "s", "u",
                "s", "led");
    }

    @Test
    void overlapIsShareOfTheLongerMultiset() {
        StatementScorer.Scored a = direct("one two three four five", "x", 0, 1);
        StatementScorer.Scored b = direct("one two three four", "x", 0, 1);
        assertThat(StatementScorer.overlap(a, b)).isCloseTo(0.8, within(1e-9));
        StatementScorer.Scored c = direct("one two three", "x", 0, 1);
        assertThat(StatementScorer.overlap(a, c)).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void repeatedTokensCountAsAMultiset() {
        StatementScorer.Scored a = direct("no no no no", "x", 0, 1);
        StatementScorer.Scored b = direct("no way no way", "x", 0, 1);
        assertThat(StatementScorer.overlap(a, b)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void matchingIsOneToOneAndGreedy() {
        List<StatementScorer.Scored> gold = List.of(direct("we will win this fight", "x", 0, 10));
        List<StatementScorer.Scored> predicted = List.of(direct("we will win this fight", "x", 0, 10),
                direct("we will win this fight", "x", 20, 30));
        StatementScores s = StatementScorer.scoreArticle(gold, predicted);
        assertThat(s.direct().truePositives()).isEqualTo(1);
        assertThat(s.direct().predicted()).isEqualTo(2);
        assertThat(s.direct().gold()).isEqualTo(1);
    }

    @Test
    void speakerIsRightWhenAContentWordIsShared() {
        StatementScorer.Scored gold = StatementScorer.scored("a b c d", StatementKind.DIRECT, "he", "Jane Doe", 0, 7);
        StatementScorer.Scored right = StatementScorer.scored("a b c d", StatementKind.DIRECT, "Doe", "Ms. Doe", 0, 7);
        StatementScorer.Scored wrong = StatementScorer.scored("a b c d", StatementKind.DIRECT, "he", "Mr. Smith", 0,
                7);
        assertThat(StatementScorer.speakerRight(right, gold)).isTrue();
        assertThat(StatementScorer.speakerRight(wrong, gold)).isFalse();
    }

    @Test
    void articlesPrepositionsAndTitlesDoNotMakeASpeakerRight() {
        StatementScorer.Scored gold = StatementScorer.scored("a b c d", StatementKind.DIRECT, "the Mr. of", "President",
                0, 7);
        StatementScorer.Scored predicted = StatementScorer.scored("a b c d", StatementKind.DIRECT, "the",
                "Mr. President",
                0, 7);
        assertThat(StatementScorer.speakerRight(predicted, gold)).isFalse();
    }

    @Test
    void indirectMayMatchMixedInOneBucket() {
        List<StatementScorer.Scored> gold = List.of(of(StatementKind.MIXED, "the deal would ruin his life", 0, 30));
        List<StatementScorer.Scored> predicted = List.of(of(StatementKind.INDIRECT, "the deal would ruin his life",
                0, 30));
        StatementScores s = StatementScorer.scoreArticle(gold, predicted);
        assertThat(s.indirectMixed().truePositives()).isEqualTo(1);
        assertThat(s.direct().gold()).isZero();
    }

    @Test
    void directDoesNotMatchIndirect() {
        List<StatementScorer.Scored> gold = List.of(of(StatementKind.INDIRECT, "the base is vital to security", 0,
                30));
        List<StatementScorer.Scored> predicted = List.of(direct("the base is vital to security", "x", 0, 30));
        StatementScores s = StatementScorer.scoreArticle(gold, predicted);
        assertThat(s.direct().truePositives()).isZero();
        assertThat(s.direct().predicted()).isEqualTo(1);
        assertThat(s.indirectMixed().truePositives()).isZero();
    }

    @Test
    void predictedDirectUnderFourTokensIsDropped() {
        List<StatementScorer.Scored> predicted = List.of(direct("patently false", "x", 0, 14));
        StatementScores s = StatementScorer.scoreArticle(List.of(), predicted);
        assertThat(s.direct().predicted()).isZero();
    }

    @Test
    void directInsideGoldMixedThatMatchesNothingIsNotCounted() {
        List<StatementScorer.Scored> gold = List.of(of(StatementKind.MIXED,
                "Trump dictated that whole letter I did not write that letter", 100, 160));
        List<StatementScorer.Scored> inside = List.of(direct("dictated that whole letter I did not write that letter",
                "x", 106, 159));
        assertThat(StatementScorer.scoreArticle(gold, inside).direct().predicted()).isZero();
        List<StatementScorer.Scored> outside = List.of(direct("dictated that whole letter I did not write that letter",
                "x", 10, 60));
        assertThat(StatementScorer.scoreArticle(gold, outside).direct().predicted()).isEqualTo(1);
    }

    @Test
    void precisionRecallAndF1() {
        StatementScores.Figure f = new StatementScores.Figure(8, 10, 16);
        assertThat(f.precision()).isCloseTo(0.8, within(1e-9));
        assertThat(f.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(f.f1()).isCloseTo(2 * 0.8 * 0.5 / 1.3, within(1e-9));
        assertThat(new StatementScores.Figure(0, 0, 0).f1()).isZero();
    }

    @Test
    void scoresAFileAndPrintsTheThreeFigures(@TempDir Path dir) throws Exception {
        String text = "“We will win this fight together,” Jane Doe said.";
        String line = "{\"source\":\"test\",\"text\":\"" + text.replace("\"", "\\\"") + "\",\"statements\":[{"
                + "\"quote\":\"We will win this fight together,\",\"speaker\":\"Jane Doe\",\"speakerCanonical\":"
                + "\"Jane Doe\",\"cue\":\"said\",\"kind\":\"direct\",\"start\":1,\"end\":34}]}";
        Path file = dir.resolve("tiny.jsonl");
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8);

        StatementScores scores = StatementScorer.score(file, new StatementExtractor());
        assertThat(scores.articles()).isEqualTo(1);
        assertThat(scores.direct().truePositives()).isEqualTo(1);
        assertThat(scores.directSpeaker().truePositives()).isEqualTo(1);
        assertThat(scores.indirectMixed().gold()).isZero();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        scores.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("direct ", "direct+speaker", "indirect+mixed", "P 1.000", "F1 1.000");
    }
}
