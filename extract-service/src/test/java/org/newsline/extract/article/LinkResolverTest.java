package org.newsline.extract.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkResolverTest {

    private final LinkResolver links = new LinkResolver("https://news.example.com/world/story.html?x=1");

    @Test
    void resolvesRelativeTargetsAgainstThePage() {
        assertThat(links.absolute("/politics/")).isEqualTo("https://news.example.com/politics/");
        assertThat(links.absolute("other.html")).isEqualTo("https://news.example.com/world/other.html");
        assertThat(links.absolute("//cdn.example.com/a b.jpg")).isEqualTo("https://cdn.example.com/a%20b.jpg");
        assertThat(links.absolute("HTTP://Example.com/Up")).isEqualTo("HTTP://Example.com/Up");
    }

    @Test
    void dropsWhatIsNotAWebLink() {
        assertThat(links.absolute("javascript:void(0)")).isEmpty();
        assertThat(links.absolute("mailto:a@b.c")).isEmpty();
        assertThat(links.absolute("#top")).isEmpty();
        assertThat(links.absolute("")).isEmpty();
        assertThat(links.absolute("/a\\b|{c}")).isEmpty();
        assertThat(new LinkResolver("").absolute("/relative")).isEmpty();
    }
}
