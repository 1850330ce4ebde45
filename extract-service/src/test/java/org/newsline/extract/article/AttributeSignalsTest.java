package org.newsline.extract.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class AttributeSignalsTest {

    private final AttributeSignals signals = new AttributeSignals();

    private int of(String cls, String id) {
        Element el = new Element("div");
        if (cls != null) {
            el.attr("class", cls);
        }
        if (id != null) {
            el.attr("id", id);
        }
        return signals.of(el);
    }

    private boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    @Test
    void commentsAndConsentAreAbsolute() {
        assertThat(has(of("comments-area", null), AttributeSignals.ABSOLUTE_NEGATIVE)).isTrue();
        assertThat(has(of(null, "cookie-banner"), AttributeSignals.ABSOLUTE_NEGATIVE)).isTrue();
        assertThat(has(of("article-commentary", null), AttributeSignals.ABSOLUTE_NEGATIVE)).isFalse();
    }

    @Test
    void adsAreWholeWordsNotSubstrings() {
        assertThat(has(of("top_ad box", null), AttributeSignals.STRONG_NEGATIVE)).isTrue();
        assertThat(has(of("ad-box", null), AttributeSignals.STRONG_NEGATIVE)).isTrue();
        assertThat(of("head thread shadow", null)).isZero();
    }

    @Test
    void frameworkHiddenClassesUnlessShownAgainResponsively() {
        assertThat(has(of("d-none d-print-block", null), AttributeSignals.STRONG_NEGATIVE)).isTrue();
        assertThat(has(of("hidden", null), AttributeSignals.STRONG_NEGATIVE)).isTrue();
        assertThat(has(of("d-none d-md-block", null), AttributeSignals.STRONG_NEGATIVE)).isFalse();
        assertThat(has(of("hidden md:block", null), AttributeSignals.STRONG_NEGATIVE)).isFalse();
        assertThat(has(of("overflow-hidden", null), AttributeSignals.STRONG_NEGATIVE)).isFalse();
    }

    @Test
    void contentNamesArePositiveAndFurnitureWeak() {
        assertThat(has(of("entry-content", null), AttributeSignals.POSITIVE)).isTrue();
        assertThat(has(of("article__date", null), AttributeSignals.WEAK_NEGATIVE)).isTrue();
        assertThat(has(of("live-update", null), AttributeSignals.WEAK_NEGATIVE)).isFalse();
        assertThat(has(of("sdc-article-widget sdc-article-tweet", null), AttributeSignals.STRONG_NEGATIVE)).isFalse();
    }
}
