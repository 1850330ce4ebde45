package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameResolverTest {

    /** The span of the first occurrence of {@code phrase}'s tokens in the article. */
    private static Span spanOf(Article a, String phrase) {
        int start = a.text.indexOf(phrase);
        int end = start + phrase.length();
        int from = -1;
        int to = -1;
        for (int k = 0; k < a.size(); k++) {
            if (from < 0 && a.tok(k).start() >= start) {
                from = k;
            }
            if (a.tok(k).end() <= end) {
                to = k + 1;
            }
        }
        return new Span(from, to);
    }

    @Test
    void surnameGetsTheFullestNameWithTitle() {
        Article a = Article.of("Russian President Vladimir Putin met Trump. Later Putin left.", Lexicon.ENGLISH);
        NameResolver names = new NameResolver(a);
        Span later = spanOf(a, "Putin left");
        assertThat(names.canonical("Putin", new Span(later.from(), later.from() + 1)))
                .isEqualTo("President Vladimir Putin");
    }

    @Test
    void possessiveIsNotPartOfTheName() {
        Article a = Article.of("Mary Steenburgen wrote it. Steenburgen’s son agreed.", Lexicon.ENGLISH);
        NameResolver names = new NameResolver(a);
        assertThat(names.fullestOf("steenburgen")).isEqualTo("Mary Steenburgen");
    }

    @Test
    void organisationWordsMakeAnOrganisation() {
        Article a = Article.of("The report from Kotak Institutional Equities was bleak.", Lexicon.ENGLISH);
        NameResolver names = new NameResolver(a);
        Span span = spanOf(a, "Kotak Institutional Equities");
        assertThat(names.personKey(span)).isNull();
        assertThat(names.canonical("Kotak Institutional Equities", span)).isEqualTo("Kotak Institutional Equities");
    }

    @Test
    void genderComesFromPronounsNearTheName() {
        Article a = Article.of("Jane Okafor opened her laptop. David Smith lost his keys.", Lexicon.ENGLISH);
        NameResolver names = new NameResolver(a);
        assertThat(names.genderOf("okafor")).isNegative();
        assertThat(names.genderOf("smith")).isPositive();
    }

    @Test
    void statementResolvesToItsIssuer() {
        Article a = Article.of("The statement issued by the Foreign Ministry was short. “We will respond in due"
                + " course to this provocation,” the statement said.", Lexicon.ENGLISH);
        NameResolver names = new NameResolver(a);
        assertThat(names.canonical("the statement", null)).isEqualTo("the Foreign Ministry");
    }
}
