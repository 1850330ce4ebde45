package org.newsline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://www.example.com/news/story.html | https://example.com/news/story.html",
            "https://WWW.Example.COM/News/Story | https://example.com/News/Story",
            "https://example.com | https://example.com/",
            "https://example.com:443/a | https://example.com/a",
            "http://example.com:80/a | https://example.com/a",
            "https://example.com:8443/a | https://example.com:8443/a",
            "https://example.com/a#comments | https://example.com/a",
            "https://example.com/a?utm_source=rss&utm_medium=feed | https://example.com/a",
            "https://example.com/a?id=42&utm_campaign=x&fbclid=abc | https://example.com/a?id=42",
            "https://example.com/a?gclid=1&b=2&a=1 | https://example.com/a?a=1&b=2",
            "https://example.com/a?UTM_Source=Twitter | https://example.com/a",
            "https://example.com/a? | https://example.com/a",
            "https://www.www.example.com/a | https://www.example.com/a",
            "https://www.bbc.co.uk/news/world-123 | https://bbc.co.uk/news/world-123",
            "https://news.example.com/a | https://news.example.com/a",
            "https://example.com/a/./b/../c | https://example.com/a/c",
            "https://example.com/%7euser/%e2%82%ac | https://example.com/~user/%E2%82%AC",
            "https://user:pass@example.com/a | https://example.com/a",
            "https://example.com./a | https://example.com/a",
            "https://example.com/path with space | https://example.com/path%20with%20space",
            "https://example.com/2024/05/01/slug/ | https://example.com/2024/05/01/slug/",
            "https://www.nytimes.com/2017/11/11/world/asia/trump-putin.html?smid=tw-share | https://nytimes.com/2017/11/11/world/asia/trump-putin.html",
            "https://edition.cnn.com/2017/11/11/politics/index.html?mc_cid=1&mc_eid=2 | https://edition.cnn.com/2017/11/11/politics/index.html",
            "https://example.com/a?_ga=2.1&_gl=1*abc&msclkid=9 | https://example.com/a",
            "https://example.com/search?q=a%2Bb | https://example.com/search?q=a%2Bb",
            "HTTPS://EXAMPLE.COM/A | https://example.com/A",
    })
    void canonicalizes(String input, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(input)).isEqualTo(expected);
    }

    @Test
    void internationalHostsBecomeAscii() {
        assertThat(UrlCanonicalizer.canonicalize("https://www.bücher.de/neu")).isEqualTo("https://xn--bcher-kva.de/neu");
    }

    @Test
    void sameArticleThroughVariantsHasOneId() {
        String id = Ids.articleId("https://example.com/news/1");
        assertThat(Ids.articleId("http://www.example.com/news/1?utm_source=feed#top")).isEqualTo(id);
        assertThat(Ids.articleId("https://EXAMPLE.com:443/news/1")).isEqualTo(id);
        assertThat(Ids.articleId("https://example.com/news/2")).isNotEqualTo(id);
        assertThat(Ids.isId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.c",
            "/relative/path", "", "   ", "https://", "http:///nohost"})
    void rejectsWhatIsNotAnHttpUrl(String url) {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(url)).isInstanceOf(InvalidUrlException.class);
    }

    @Test
    void statementIdsDependOnSpanVersionAndKind() {
        String a = Ids.statementId("a", "1", 0, 10, StatementKind.DIRECT);
        assertThat(Ids.statementId("a", "1", 0, 10, StatementKind.DIRECT)).isEqualTo(a);
        assertThat(Ids.statementId("a", "2", 0, 10, StatementKind.DIRECT)).isNotEqualTo(a);
        assertThat(Ids.statementId("a", "1", 0, 11, StatementKind.DIRECT)).isNotEqualTo(a);
        assertThat(Ids.statementId("a", "1", 0, 10, StatementKind.MIXED)).isNotEqualTo(a);
    }
}
