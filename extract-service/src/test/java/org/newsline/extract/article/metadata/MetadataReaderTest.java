package org.newsline.extract.article.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MetadataReaderTest {

    private static PageMetadata read(String html) {
        List<String> explanation = new ArrayList<>();
        PageMetadata meta = MetadataReader.read(Jsoup.parse(html, "https://news.example.com/a/b"), null, explanation);
        assertThat(explanation).anyMatch(l -> l.startsWith("metadata:"));
        return meta;
    }

    @Test
    void jsonLdArticleInsideGraphWins() {
        PageMetadata meta = read("<html lang='en_GB'><head><title>Old | Site</title>"
                + "<meta property='og:title' content='OG title'>"
                + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebSite\",\"name\":\"The Site\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Ld headline &amp; more\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ada Lovelace\"},{\"name\":\"Alan Turing\"}],"
                + "\"datePublished\":\"2019-11-19T10:15:00-05:00\",\"dateModified\":\"2019-11-19 16:00:00\","
                + "\"articleSection\":[\"World\",\"Europe\"],\"keywords\":\"politics, europe\","
                + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/lead.jpg\"},"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Publisher Inc\"}}]}</script>"
                + "</head><body></body></html>");

        assertThat(meta.title()).isEqualTo("Ld headline & more");
        assertThat(meta.authors()).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(meta.publishedAt()).isEqualTo(Instant.parse("2019-11-19T15:15:00Z"));
        assertThat(meta.modifiedAt()).isEqualTo(Instant.parse("2019-11-19T16:00:00Z"));
        assertThat(meta.section()).isEqualTo("World");
        assertThat(meta.tags()).containsExactly("politics", "europe");
        assertThat(meta.image()).isEqualTo("https://news.example.com/img/lead.jpg");
        assertThat(meta.siteName()).isEqualTo("Publisher Inc");
        assertThat(meta.language()).isEqualTo("en-GB");
        assertThat(meta.declaredArticle()).isTrue();
    }

    @Test
    void openGraphAndMetaTagsWhenThereIsNoJsonLd() {
        PageMetadata meta = read("<html><head><title>Headline - The Paper</title>"
                + "<meta property='og:site_name' content='The Paper'>"
                + "<meta property='og:type' content='article'>"
                + "<meta property='og:description' content='What happened.'>"
                + "<meta property='og:image' content='https://cdn.example.com/x.jpg'>"
                + "<meta property='og:url' content='https://news.example.com/story'>"
                + "<meta property='article:published_time' content='2019-11-18T08:00:00Z'>"
                + "<meta property='article:section' content='Sport'>"
                + "<meta property='article:tag' content='Tennis'><meta property='article:tag' content='Davis Cup'>"
                + "<meta name='author' content='Jane Roe and John Doe'>"
                + "<meta http-equiv='content-language' content='fr'>"
                + "</head><body></body></html>");

        assertThat(meta.title()).isEqualTo("Headline");
        assertThat(meta.siteName()).isEqualTo("The Paper");
        assertThat(meta.description()).isEqualTo("What happened.");
        assertThat(meta.image()).isEqualTo("https://cdn.example.com/x.jpg");
        assertThat(meta.canonicalUrl()).isEqualTo("https://news.example.com/story");
        assertThat(meta.publishedAt()).isEqualTo(Instant.parse("2019-11-18T08:00:00Z"));
        assertThat(meta.section()).isEqualTo("Sport");
        assertThat(meta.tags()).containsExactly("Tennis", "Davis Cup");
        assertThat(meta.authors()).containsExactly("Jane Roe", "John Doe");
        assertThat(meta.language()).isEqualTo("fr");
        assertThat(meta.declaredArticle()).isTrue();
    }

    @Test
    void canonicalLinkBeatsOgUrl() {
        PageMetadata meta = read("<head><link rel='canonical' href='/canonical/path'>"
                + "<meta property='og:url' content='https://other.example.com/x'></head>");
        assertThat(meta.canonicalUrl()).isEqualTo("https://news.example.com/canonical/path");
    }

    @Test
    void microdataTimeAndBylines() {
        PageMetadata meta = read("<html><body><div itemscope itemtype='https://schema.org/BlogPosting'>"
                + "<h1 itemprop='headline'>Micro headline</h1>"
                + "<span itemprop='author' itemscope><span itemprop='name'>Grace Hopper</span></span>"
                + "<time itemprop='datePublished' datetime='2018-10-03'>3 Oct</time></div></body></html>");

        assertThat(meta.title()).isEqualTo("Micro headline");
        assertThat(meta.authors()).containsExactly("Grace Hopper");
        assertThat(meta.publishedAt()).isEqualTo(Instant.parse("2018-10-03T00:00:00Z"));
        assertThat(meta.declaredArticle()).isTrue();

        PageMetadata byline = read("<html><body><p class='article-byline'>By Ida Tarbell | Staff</p>"
                + "<time datetime='2017-01-02T03:04:05+01:00'>Jan 2</time></body></html>");
        assertThat(byline.authors()).containsExactly("Ida Tarbell");
        assertThat(byline.publishedAt()).isEqualTo(Instant.parse("2017-01-02T02:04:05Z"));
        assertThat(byline.declaredArticle()).isFalse();
    }

    @Test
    void paywallDeclarationIsRead() {
        PageMetadata meta = read("<head><script type='application/ld+json'>{\"@type\":\"Article\","
                + "\"isAccessibleForFree\":false}</script></head>");
        assertThat(meta.paywalled()).isTrue();
    }
}
