package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsline.extract.statements.Statements.extract;
import static org.newsline.extract.statements.Statements.only;
import static org.newsline.extract.statements.Statements.starting;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsline.events.StatementKind;

/** Direct quotes and the shapes of attribution news articles use. */
class SpeakerAttributionTest {

    @Test
    void quoteSpeakerVerb() {
        FoundStatement s = only("“The format makes things very difficult,” Nadal said.", "The format");
        assertThat(s.speaker()).isEqualTo("Nadal");
        assertThat(s.cue()).isEqualTo("said");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.quote()).isEqualTo("The format makes things very difficult,");
    }

    @Test
    void quoteVerbSpeakerWithApposition() {
        FoundStatement s = only("“This lack of rain is keeping the threat real,” said Jane Doe, a spokeswoman for the"
                + " agency.", "This lack");
        assertThat(s.speaker()).isEqualTo("Jane Doe");
        assertThat(s.speakerCanonical()).isEqualTo("Jane Doe");
        assertThat(s.cue()).isEqualTo("said");
    }

    @Test
    void titleAndPartyStateBeforeTheCue() {
        FoundStatement s = only("“We must not let this stand in our country,” Sen. Ben Sasse, R-Neb., said.",
                "We must");
        assertThat(s.speaker()).isEqualTo("Sen. Ben Sasse");
        assertThat(s.cue()).isEqualTo("said");
    }

    @Test
    void speakerVerbColonQuote() {
        FoundStatement s = only("Robertson, the U.S. commander, said: “The United States does not support forced"
                + " relocations.”", "The United States");
        assertThat(s.speaker()).isEqualTo("Robertson");
        assertThat(s.cue()).isEqualTo("said");
    }

    @Test
    void speakerVerbThatWhollyQuotedIsDirect() {
        FoundStatement s = only("CPUC President Marybel Batjer said that “lack of service is not a mere"
                + " inconvenience.”", "lack of service");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.speakerCanonical()).contains("Marybel Batjer");
    }

    @Test
    void accordingToBeforeTheQuote() {
        FoundStatement s = only("According to the coach, “we were simply not good enough tonight.”", "we were");
        assertThat(s.speaker()).isEqualTo("the coach");
        assertThat(s.cue()).isEqualTo("according to");
    }

    @Test
    void splitQuoteTakesTheSameSpeakerAndCue() {
        List<FoundStatement> all = extract("“I had been somebody who really liked music,” she said, “but I had"
                + " never been obsessed with it.”");
        assertThat(all).hasSize(2);
        assertThat(all).allSatisfy(s -> {
            assertThat(s.speaker()).isEqualTo("she");
            assertThat(s.cue()).isEqualTo("said");
        });
    }

    @Test
    void consecutiveQuoteAfterAttributionTakesTheSpeaker() {
        List<FoundStatement> all = extract("“It was a difficult situation for us,” Lopez said. “We needed this win,"
                + " otherwise we could be out.”");
        assertThat(starting(all, "We needed")).get().extracting(FoundStatement::speaker).isEqualTo("Lopez");
    }

    @Test
    void continuationParagraphContinuesTheSpeakerWithNoCue() {
        String text = "“The most important thing is we lost that game,” Heyward said.\n\n“We were on the field too"
                + " much. That’s our fault.”";
        FoundStatement s = only(text, "We were on the field");
        assertThat(s.speaker()).isEqualTo("Heyward");
        assertThat(s.cue()).isNull();
    }

    @Test
    void multiParagraphQuoteIsOneStatementFromFirstOpeningToLastClosing() {
        String text = "Cheuk Hau-yip, the district commander, said: “These rioters, they are also criminals.\n\n"
                + "“Other than coming out to surrender, I don’t see any option for them.”";
        List<FoundStatement> all = extract(text);
        assertThat(all).hasSize(1);
        FoundStatement s = all.get(0);
        assertThat(s.quote()).startsWith("These rioters").endsWith("option for them.");
        assertThat(s.speaker()).isEqualTo("Cheuk Hau-yip");
    }

    @Test
    void speakerNamedInTheSentenceBeforeAColon() {
        FoundStatement s = only("Jessie Buckley, who phoned in from Chicago, had a similar experience: “It was just"
                + " that immediate feeling of recognition.”", "It was just");
        assertThat(s.speaker()).isEqualTo("Jessie Buckley");
        assertThat(s.cue()).isNull();
    }

    @Test
    void pronounResolvesToTheLastNamedManWhoSpoke() {
        String text = "Mary Steenburgen wrote the song. Her son, filmmaker Charlie McDowell, remembers it.\n\n"
                + "“All of a sudden she was playing the accordion,” he said.";
        FoundStatement s = only(text, "All of a sudden");
        assertThat(s.speaker()).isEqualTo("he");
        assertThat(s.speakerCanonical()).isEqualTo("Charlie McDowell");
    }

    @Test
    void pronounSkipsAPersonOfTheOtherGender() {
        String text = "Rep. David Smith met Jane Okafor on Monday. She wrote her report later.\n\n"
                + "“The budget will not pass in this form,” he said.";
        assertThat(only(text, "The budget").speakerCanonical()).isEqualTo("Rep. David Smith");
    }

    @Test
    void surnameResolvesToTheFullestName() {
        String text = "President Trump met Putin in Vietnam.\n\n“We had two or three very short conversations,” Trump"
                + " said.";
        assertThat(only(text, "We had two").speakerCanonical()).isEqualTo("President Trump");
    }

    @Test
    void roleNounResolvesToTheIssuerOfTheStatement() {
        String text = "“The Presidents agreed to keep military channels open,” the statement published by the"
                + " Kremlin and State Department said.";
        FoundStatement s = only(text, "The Presidents");
        assertThat(s.speaker()).isEqualTo("the statement");
        assertThat(s.speakerCanonical()).isEqualTo("the Kremlin and State Department");
    }

    @Test
    void songLyricsSungAreNotStatements() {
        assertThat(extract("“Ain’t no yellow brick road running through Glasgow,” she sings.")).isEmpty();
    }

    @Test
    void scareQuotesAndTitlesAreNotStatements() {
        assertThat(extract("The so-called “Three Amigos” met after the premiere of “The One I Love Most”.")).isEmpty();
    }

    @Test
    void fragmentAfterAPrepositionIsNotADirectStatement() {
        assertThat(extract("They found themselves blindsided by “the Mary Steenburgen of it all.”")).isEmpty();
    }

    @Test
    void quoteReportedInsideAQuote() {
        List<FoundStatement> all = extract("“I called a friend and I said: ‘Look, could you help me make them into"
                + " songs?’” Steenburgen said.");
        FoundStatement inner = starting(all, "Look, could you").orElseThrow();
        assertThat(inner.speaker()).isEqualTo("I");
        assertThat(inner.speakerCanonical()).isEqualTo("Steenburgen");
        assertThat(inner.kind()).isEqualTo(StatementKind.DIRECT);
    }

    @Test
    void thoughtsInsideAQuoteAreNotStatements() {
        List<FoundStatement> all = extract("“I just told myself: ‘I’m going to sing the song if it kills me!’”"
                + " she said.");
        assertThat(all).hasSize(1);
    }

    @Test
    void theyResolvesToThePluralSubjectBefore() {
        String text = "Mayor John Carter spoke first. The two sides met again on Friday. “We are not there yet, but"
                + " we are close,” they said.";
        FoundStatement s = only(text, "We are not there");
        assertThat(s.speaker()).isEqualTo("they");
        assertThat(s.speakerCanonical()).isEqualTo("The two sides");
    }

    @Test
    void cueFirstAfterTheQuoteStopsTheNameAtATimePhrase() {
        FoundStatement s = only("“We’re thrilled with the way the team played,” said coach Mike Jones after the"
                + " game.", "We’re thrilled");
        assertThat(s.speaker()).isEqualTo("coach Mike Jones");
        assertThat(s.speakerCanonical()).isEqualTo("Mike Jones");
    }

    @Test
    void questionThenNameWithAppositionThenCue() {
        FoundStatement s = only("“What is the incentive for the Chinese side?” Li Jianxiong, the former director,"
                + " said at an event.", "What is the incentive");
        assertThat(s.speaker()).isEqualTo("Li Jianxiong");
    }

    @Test
    void headingThatRepeatsAQuoteTakesItsSpeakerWithNoCue() {
        String text = "“We will not back down from this fight”\n\nThe mayor spoke on Monday. “We will not back down"
                + " from this fight,” Mayor Jane Doe said.";
        List<FoundStatement> all = extract(text);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).speakerCanonical()).isEqualTo("Mayor Jane Doe");
        assertThat(all.get(0).cue()).isNull();
        assertThat(all.get(1).cue()).isEqualTo("said");
    }
}
