package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteFilterTest {

    private static boolean statementQuote(String text) {
        Article a = Article.of(text, Lexicon.ENGLISH);
        for (int k = 0; k < a.size(); k++) {
            if (a.tok(k).isQuote()) {
                return QuoteFilter.isStatementQuote(a, k);
            }
        }
        throw new AssertionError("no quote in " + text);
    }

    @Test
    void spokenSentenceIsAStatementQuote() {
        assertThat(statementQuote("“I almost died there,” Bublik said.")).isTrue();
    }

    @Test
    void fewerThanFourTokensIsNot() {
        assertThat(statementQuote("The Pentagon called it “patently false,” officials said.")).isFalse();
    }

    @Test
    void titleOfAWorkIsNot() {
        assertThat(statementQuote("The band played “Takin’ It To the Streets” last night.")).isFalse();
    }

    @Test
    void sloganUsedAsAModifierIsNot() {
        assertThat(statementQuote("South Dakota’s viral “Meth. We’re on it.” awareness campaign drew mockery."))
                .isFalse();
    }

    @Test
    void soCalledTermIsNot() {
        assertThat(statementQuote("They are the so-called “friends of the open road” group.")).isFalse();
    }
}
