package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {

    private static List<String> quotes(String text) {
        return new QuoteFinder().find(text).stream()
                .map(q -> text.substring(q.contentStart(), q.contentEnd())).toList();
    }

    @Test
    void curlyDoubleQuotes() {
        assertThat(quotes("“We will win,” she said.")).containsExactly("We will win,");
    }

    @Test
    void straightDoubleQuotes() {
        assertThat(quotes("\"It was a difficult situation for us,\" Lopez said.")).containsExactly(
                "It was a difficult situation for us,");
    }

    @Test
    void curlyOpenedAndStraightClosed() {
        assertThat(quotes("“The end of the year is busy,\" Caldwell said.")).containsExactly(
                "The end of the year is busy,");
    }

    @Test
    void germanLowHighQuotes() {
        assertThat(quotes("„Wir schaffen das“, sagte Merkel.")).containsExactly("Wir schaffen das");
    }

    @Test
    void frenchGuillemetsWithSpaces() {
        assertThat(quotes("« Nous ne céderons pas », a déclaré Macron.")).containsExactly(" Nous ne céderons pas ");
    }

    @Test
    void germanReversedGuillemets() {
        assertThat(quotes("»Das ist gut«, sagte er.")).containsExactly("Das ist gut");
    }

    @Test
    void singleAngleQuotes() {
        assertThat(quotes("Er sagte ‹Das ist gut so›.")).containsExactly("Das ist gut so");
    }

    @Test
    void cornerBrackets() {
        assertThat(quotes("彼は「今日は晴れです」と言った。")).containsExactly("今日は晴れです");
    }

    @Test
    void splitQuoteGivesTwoQuotes() {
        assertThat(quotes("“I had been somebody who liked music,” she said, “but I was never obsessed.”"))
                .containsExactly("I had been somebody who liked music,", "but I was never obsessed.");
    }

    @Test
    void apostrophesAreNotQuoteMarks() {
        assertThat(quotes("Steenburgen’s son didn’t know the Andrews’ house or rock ’n’ roll.")).isEmpty();
    }

    @Test
    void singleQuotedHeadline() {
        assertThat(quotes("Trump, Putin ‘Agreed That There is no Military Solution’"))
                .containsExactly("Agreed That There is no Military Solution");
    }

    @Test
    void multiParagraphQuoteIsOneQuote() {
        String text = "He said: “These rioters are criminals.\n\n“Other than coming out, there is no option.”";
        List<Quote> found = new QuoteFinder().find(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).paragraphs()).isEqualTo(2);
        assertThat(text.substring(found.get(0).contentStart(), found.get(0).contentEnd()))
                .startsWith("These rioters").endsWith("no option.");
    }

    @Test
    void unclosedQuoteAtParagraphEndIsDropped() {
        assertThat(quotes("He said “this never closes.\n\nNext paragraph is plain.")).isEmpty();
    }

    @Test
    void nestedSingleQuotesStayInsideTheDoubleQuote() {
        assertThat(quotes("“I said: ‘Look, could you help me?’” she said.")).containsExactly(
                "I said: ‘Look, could you help me?’");
    }
}
