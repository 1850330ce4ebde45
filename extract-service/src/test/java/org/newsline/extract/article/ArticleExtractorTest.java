package org.newsline.extract.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    static String resource(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/article/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seedArticleKeepsTheArticleAndDropsTheWordPressCommentForm() throws IOException {
        ExtractedPage page = extractor.extract(resource("joint-statement-wordpress.html"),
                "https://news.example.com/2017/11/11/joint-statement/");

        assertThat(page.isArticle()).isTrue();
        assertThat(page.text())
                .startsWith("The Russian government and the U.S. State Department")
                .contains("The civil war in Syria has gone on for more than six years.")
                .endsWith("will save thousands of lives,” the State Department statement said.")
                .doesNotContain("Leave a Reply", "Fill in your details", "You are commenting", "Log Out",
                        "Connecting to", "Recent Posts", "Politics", "Proudly powered");
        assertThat(page.text().split("\n\n")).hasSize(8);
        assertThat(page.html()).doesNotContain("textarea", "commentform", "Post Comment");
    }

    @Test
    void commentFormWordedAndNamedDifferentlyIsDroppedToo() throws IOException {
        ExtractedPage page = extractor.extract(resource("joint-statement-other-form.html"),
                "https://news.example.com/2017/11/11/joint-statement/");

        assertThat(page.text())
                .startsWith("The Russian government and the U.S. State Department")
                .endsWith("will save thousands of lives,” the State Department statement said.")
                .doesNotContain("Schreiben Sie uns", "Ihr Name", "Ihre Meinung", "Benachrichtigen", "Abschicken",
                        "E-Mail");
    }

    @Test
    void keepsHeadingsListsQuotesAndTablesButCaptionsOnlyInHtml() {
        String para = "This paragraph is long enough to read as article prose, with commas, clauses and a point. ";
        String html = "<html><body><nav><a href='/a'>Home</a> <a href='/b'>News</a></nav>"
                + "<article><h1>Title</h1>"
                + "<p>" + para + "One.</p>"
                + "<h2>A subheading</h2>"
                + "<p>" + para + "Two.</p>"
                + "<ul><li>First listed point of the article</li><li>Second listed point</li></ul>"
                + "<blockquote><p>" + para + "Quoted.</p></blockquote>"
                + "<figure><img src='x.jpg'><figcaption>A caption under the photo</figcaption></figure>"
                + "<table><tr><th>Team</th><th>Score</th></tr><tr><td>Home side</td><td>3</td></tr></table>"
                + "<p>" + para + "Three, with <a href='/more'>a link</a>.</p>"
                + "</article><footer><a href='/about'>About us</a></footer></body></html>";

        ExtractedPage page = extractor.extract(html, "https://example.com/news/story");

        assertThat(page.text()).contains("A subheading", "First listed point", "Quoted.", "Home side", "Three,")
                .doesNotContain("A caption under the photo", "Title", "Home\n", "About us");
        assertThat(page.html()).contains("<h2>A subheading</h2>", "<ul>", "<li>First listed point of the article</li>",
                "<blockquote>", "<figcaption>A caption under the photo</figcaption>", "<table>", "<td>Home side</td>",
                "<a href=\"https://example.com/more\">a link</a>")
                .doesNotContain("<img", "<nav", "<article");
        assertThat(page.explanation()).anyMatch(line -> line.contains("scorer chose article"));
    }

    @Test
    void textParagraphsAreSeparatedByOneBlankLine() {
        String html = "<html><body><div class='story'><p>First paragraph of the story, long enough to count as "
                + "prose for the scorer.</p>\n\n\n<p>Second   paragraph\n of the story, long enough to count as prose "
                + "for the scorer.</p></div></body></html>";

        ExtractedPage page = extractor.extract(html, null);

        assertThat(page.text()).isEqualTo("First paragraph of the story, long enough to count as prose for the "
                + "scorer.\n\nSecond paragraph of the story, long enough to count as prose for the scorer.");
    }

    @Test
    void indexPageIsNotAnArticle() {
        StringBuilder html = new StringBuilder("<html><head><title>Latest news</title></head><body><ul>");
        for (int i = 0; i < 40; i++) {
            html.append("<li><a href='/story/").append(i).append("'>Headline number ").append(i)
                    .append(" about something that happened today</a></li>");
        }
        html.append("</ul></body></html>");

        ExtractedPage page = extractor.extract(html.toString(), "https://example.com/");

        assertThat(page.isArticle()).isFalse();
        assertThat(page.explanation()).anyMatch(line -> line.startsWith("isArticle=false"));
    }

    @Test
    void errorPageIsNotAnArticle() {
        String html = "<html><head><title>Page not found</title></head><body><header><a href='/'>Home</a></header>"
                + "<div class='error'><h1>404</h1><p>Sorry, we could not find that page.</p>"
                + "<p><a href='/'>Go to the front page</a></p></div></body></html>";

        assertThat(extractor.extract(html, "https://example.com/missing").isArticle()).isFalse();
    }

    @Test
    void paywallStubIsNotAnArticle() {
        String html = "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
                + "\"@type\":\"NewsArticle\",\"headline\":\"Big story\",\"isAccessibleForFree\":\"False\"}</script>"
                + "</head><body><article><h1>Big story</h1><p>The first paragraph of the big story is free to read, "
                + "and it goes on for a little while to tease what follows.</p></article>"
                + "<div class='paywall'>Subscribe to read more</div></body></html>";

        ExtractedPage page = extractor.extract(html, "https://example.com/big");

        assertThat(page.isArticle()).isFalse();
        assertThat(page.explanation()).anyMatch(line -> line.contains("paywall stub"));
    }

    @Test
    void explanationSaysWhichStageWon() throws IOException {
        ExtractedPage page = extractor.extract(resource("joint-statement-wordpress.html"), null);

        assertThat(page.explanation()).anyMatch(l -> l.startsWith("metadata:"))
                .anyMatch(l -> l.startsWith("strip (strict): dropped") && l.contains("form without prose"))
                .anyMatch(l -> l.startsWith("body: strict scorer chose div.entry-content"))
                .anyMatch(l -> l.equals("body: strict scorer won"))
                .anyMatch(l -> l.startsWith("isArticle=true"));
    }

    @Test
    void fallsBackToRelaxedStrippingWhenStrictLeavesTooLittle() {
        // the whole article sits in a box whose name says "sidebar": strict stripping drops it, the retry finds it
        String para = "A paragraph of real article prose that is long enough to be counted by the scorer as such. ";
        String html = "<html><body><div class='sidebar-layout'><p>" + para + "</p><p>" + para + "</p><p>" + para
                + "</p><p>" + para + "</p></div></body></html>";

        ExtractedPage page = extractor.extract(html, null);

        assertThat(page.text()).contains("A paragraph of real article prose");
        assertThat(page.explanation()).anyMatch(l -> l.startsWith("body: strict scorer found"))
                .anyMatch(l -> l.equals("body: relaxed scorer won"));
    }

    @Test
    void pageRenderedByScriptsFallsBackToTheJsonLdBody() {
        String html = "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
                + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example\"},{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Rendered later\",\"articleBody\":\"The first paragraph of the declared body, which "
                + "the page only renders with scripts.\\nThe second paragraph of the declared body, long enough to "
                + "make the whole thing clearly longer than what the DOM holds.\\nA third paragraph to be sure that "
                + "this body is long enough to count as an article on its own.\"}]}</script></head>"
                + "<body><div id='app'>Loading...</div></body></html>";

        ExtractedPage page = extractor.extract(html, "https://example.com/js");

        assertThat(page.text()).startsWith("The first paragraph of the declared body")
                .contains("\n\nThe second paragraph");
        assertThat(page.title()).isEqualTo("Rendered later");
        assertThat(page.siteName()).isEqualTo("Example");
        assertThat(page.explanation()).anyMatch(l -> l.startsWith("body: JSON-LD articleBody won"));
    }

    @Test
    void readerCommentsMarkedWithMicrodataAreDroppedWhateverTheirNames() {
        String para = "A paragraph of the article itself, long enough to be read as prose by the scorer, with commas. ";
        StringBuilder html = new StringBuilder("<html><body><div class='wrap'><div class='story'>");
        for (int i = 0; i < 3; i++) {
            html.append("<p>").append(para).append(i).append("</p>");
        }
        html.append("</div><ol class='thread'>");
        for (int i = 0; i < 12; i++) {
            html.append("<li itemscope itemtype='https://schema.org/Comment'><b>Reader ").append(i)
                    .append("</b><p>I have opinions about this article and I am going to share them at length, ")
                    .append("because the box below the story lets me do so. Number ").append(i).append(".</p></li>");
        }
        html.append("</ol></div></body></html>");

        ExtractedPage page = extractor.extract(html.toString(), null);

        assertThat(page.text()).contains("A paragraph of the article itself").doesNotContain("I have opinions");
    }

    @Test
    void leadParagraphNamedTitleIsKeptButShortTitleBoxesGo() {
        String para = "Another paragraph of the story that is long enough to be read as prose by the scorer. ";
        String html = "<html><body><div class='story'><div class='story-title'>Short Headline Box</div>"
                + "<p class='title'>The lead paragraph of this story, which its CMS marks up with a title class.</p>"
                + "<p>" + para + "</p><p>" + para + "</p><p>" + para + "</p></div></body></html>";

        ExtractedPage page = extractor.extract(html, null);

        assertThat(page.text()).startsWith("The lead paragraph of this story").doesNotContain("Short Headline Box");
    }
}
