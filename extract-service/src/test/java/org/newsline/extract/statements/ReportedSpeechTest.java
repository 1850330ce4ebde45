package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsline.extract.statements.Statements.extract;
import static org.newsline.extract.statements.Statements.only;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsline.events.StatementKind;

/** Indirect and mixed statements: explicit cues, spans, and what is not a statement. */
class ReportedSpeechTest {

    private static List<FoundStatement> reported(String text) {
        return extract(text).stream().filter(s -> s.kind() != StatementKind.DIRECT).toList();
    }

    @Test
    void saidThatClause() {
        FoundStatement s = only("Heyward said that he is already looking forward to facing the Browns again.",
                "he is already");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.quote()).isEqualTo("he is already looking forward to facing the Browns again");
        assertThat(s.cue()).isEqualTo("said");
        assertThat(s.speaker()).isEqualTo("Heyward");
    }

    @Test
    void toldSomeoneClauseWithoutThat() {
        FoundStatement s = only("Charles Simpson, a researcher, told Polygraph.info the ministry’s allegations are"
                + " false.", "the ministry");
        assertThat(s.quote()).isEqualTo("the ministry’s allegations are false");
        assertThat(s.cue()).isEqualTo("told");
    }

    @Test
    void clauseThenSpeakerSaid() {
        FoundStatement s = only("Selling a product is difficult, but altering behavior is harder, Hege said.",
                "Selling");
        assertThat(s.quote()).isEqualTo("Selling a product is difficult, but altering behavior is harder");
        assertThat(s.speaker()).isEqualTo("Hege");
    }

    @Test
    void clauseThenSaidSpeakerWithApposition() {
        FoundStatement s = only("The weather should ease by Thursday morning, said Mark Quinlan, the utility's"
                + " director.", "The weather");
        assertThat(s.quote()).isEqualTo("The weather should ease by Thursday morning");
        assertThat(s.speaker()).isEqualTo("Mark Quinlan");
    }

    @Test
    void interruptedClauseIncludesTheInterruption() {
        FoundStatement s = only("Many of the prisons, she said, are aging and overcrowded.", "Many");
        assertThat(s.quote()).isEqualTo("Many of the prisons, she said, are aging and overcrowded");
    }

    @Test
    void accordingToAfterTheClause() {
        FoundStatement s = only("More than 2,500 civilians have been killed this year, according to the United"
                + " Nations.", "More than");
        assertThat(s.cue()).isEqualTo("according to");
        assertThat(s.speaker()).isEqualTo("the United Nations");
        assertThat(s.quote()).isEqualTo("More than 2,500 civilians have been killed this year");
    }

    @Test
    void accordingToBeforeTheClause() {
        FoundStatement s = only("According to the Pentagon, the base serves as an outpost.", "the base");
        assertThat(s.quote()).isEqualTo("the base serves as an outpost");
    }

    @Test
    void studyFoundThat() {
        FoundStatement s = only("Breathing tests showed that his lungs could not hold as much air as normal.",
                "his lungs");
        assertThat(s.cue()).isEqualTo("showed");
        assertThat(s.speaker()).isEqualTo("Breathing tests");
    }

    @Test
    void threatWhoseInfinitiveIsTheContent() {
        FoundStatement s = only("The union threatened to sue the city over the new rules.", "sue the city");
        assertThat(s.quote()).isEqualTo("sue the city over the new rules");
        assertThat(s.cue()).isEqualTo("threatened");
    }

    @Test
    void paraphraseWithQuotedWordsIsMixed() {
        FoundStatement s = only("She said the deal would “ruin his life.”", "the deal");
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
        assertThat(s.quote()).isEqualTo("the deal would “ruin his life.”");
    }

    @Test
    void quotePlusAFewWordsIsMixed() {
        FoundStatement s = only("Border agents “say you’ve got to pay attention to this,” he said.", "Border");
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
    }

    @Test
    void participleCueTakesTheMainSubject() {
        FoundStatement s = only("The commission is frustrated with the companies, saying they failed to share"
                + " information.", "they failed");
        assertThat(s.speaker()).isEqualTo("The commission");
        assertThat(s.cue()).isEqualTo("saying");
    }

    @Test
    void beliefsAreNotStatements() {
        assertThat(reported("Protesters believe the bill is an example of eroding autonomy.")).isEmpty();
    }

    @Test
    void nounObjectsAreNotStatements() {
        assertThat(reported("The company denied the allegations and reported a loss.")).isEmpty();
    }

    @Test
    void ordersAreNotStatements() {
        assertThat(reported("The officer told him to leave the building at once.")).isEmpty();
    }

    @Test
    void sourcelessPassivesAreNotStatements() {
        assertThat(reported("The queen was said to be disapproving of the idea.")).isEmpty();
    }

    @Test
    void declinedToSayIsNotAStatement() {
        assertThat(reported("He declined to say when the lander would be ready.")).isEmpty();
    }

    @Test
    void adjectiveParticipleIsNotACue() {
        assertThat(reported("One reporting station has not seen rain since September.")).isEmpty();
    }

    @Test
    void pluralNounIsNotACue() {
        assertThat(reported("Rates have risen in U.S. states where the drug has been legalized.")).isEmpty();
    }

    @Test
    void toldTheOrganisationThenTheClause() {
        FoundStatement s = only("Johnson told the BBC he was “deeply sorry” for the mistakes.", "he was");
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
        assertThat(s.quote()).isEqualTo("he was “deeply sorry” for the mistakes");
    }

    @Test
    void timeBetweenCueAndClauseIsLeftOut() {
        FoundStatement s = only("The agency said Friday it was investigating the crash.", "it was");
        assertThat(s.quote()).isEqualTo("it was investigating the crash");
    }

    @Test
    void secondReportedClauseAfterAndIsItsOwnStatement() {
        List<FoundStatement> all = reported("He said he would not resign, adding that he had done nothing wrong.");
        assertThat(all).extracting(FoundStatement::quote).containsExactly("he would not resign",
                "he had done nothing wrong");
    }

    @Test
    void adviceInTheSubjunctiveIsNotAStatement() {
        assertThat(reported("His advisers suggested that Beijing resume buying farm products.")).isEmpty();
    }

    @Test
    void upperCaseWhoIsTheWorldHealthOrganization() {
        FoundStatement s = only("Untreated pneumonic plague is \"always fatal\", says WHO.", "Untreated");
        assertThat(s.speaker()).isEqualTo("WHO");
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
    }

    @Test
    void secondVerbOfTheSourceStartsItsOwnStatement() {
        List<FoundStatement> all = reported("The office said another 30 people had been injured, but added the exact"
                + " circumstances remained unclear.");
        assertThat(all).extracting(FoundStatement::quote).containsExactly("another 30 people had been injured",
                "the exact circumstances remained unclear");
    }

    @Test
    void gerundSubjectOfTheClause() {
        FoundStatement s = only("The agency says putting astronauts to sleep could make it easier to reach Mars.",
                "putting");
        assertThat(s.cue()).isEqualTo("says");
    }

    @Test
    void toldAPluralNounThenTheClause() {
        FoundStatement s = only("The man told doctors he ate the rabbit meat on November 5.", "he ate");
        assertThat(s.quote()).isEqualTo("he ate the rabbit meat on November 5");
    }

    @Test
    void participlePhraseBetweenSpeakerAndCue() {
        FoundStatement s = only("Trump, speaking to reporters at the White House, said the U.S. would respond"
                + " forcefully.", "the U.S.");
        assertThat(s.speaker()).isEqualTo("Trump");
    }

    @Test
    void warnedNeedsNoObject() {
        FoundStatement s = only("Scientists have warned for years that the glacier could collapse.", "the glacier");
        assertThat(s.cue()).isEqualTo("warned");
    }

    @Test
    void presentTenseVerbAfterAnAdverb() {
        assertThat(only("Critics argue the law unfairly targets immigrants.", "the law").cue()).isEqualTo("argue");
    }

    @Test
    void askedNotToBeIdentifiedIsNotAStatement() {
        assertThat(reported("A refugee who asked not to be identified was interviewed.")).isEmpty();
    }

    @Test
    void aNewSentenceAfterAQuoteIsNotPartOfTheClause() {
        List<FoundStatement> all = reported("Batjer said that “lack of service endangers lives.” She said residents"
                + " do not have the luxury of failed connections.");
        assertThat(all).extracting(FoundStatement::quote).containsExactly(
                "residents do not have the luxury of failed connections");
    }
}
