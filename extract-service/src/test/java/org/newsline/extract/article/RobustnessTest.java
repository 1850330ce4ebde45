package org.newsline.extract.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No input makes the extractor throw, hang or run away. The time limits here are hang guards, generous on
 * purpose; they are not speed claims.
 */
class RobustnessTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final String PARA = "<p>Paragraph of article prose, long enough to be counted, with commas, "
            + "clauses and a full stop at the end.</p>\n";

    private final ArticleExtractor extractor = new ArticleExtractor();

    /** Extracts within the hang guard; the extractor's safety net (an exception turned into a non-article) must not fire. */
    private ExtractedPage extractGuarded(String html) {
        ExtractedPage page = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, "https://example.com/x"));
        assertThat(page.explanation()).noneMatch(line -> line.startsWith("failed:"));
        return page;
    }

    @Test
    void emptyAndNullInput() {
        for (String html : new String[] {"", null, " ", "<html></html>", "<!doctype html>"}) {
            ExtractedPage page = extractor.extract(html, null);
            assertThat(page.isArticle()).isFalse();
            assertThat(page.text()).isEmpty();
            assertThat(page.html()).isEmpty();
        }
    }

    @Test
    void binaryGarbage() {
        Random random = new Random(4);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200_000)];
            random.nextBytes(bytes);
            ExtractedPage page = extractGuarded(new String(bytes, i % 2 == 0 ? StandardCharsets.UTF_8
                    : StandardCharsets.ISO_8859_1));
            assertThat(page).isNotNull();
        }
    }

    @Test
    void truncatedHtml() throws IOException {
        String page = ArticleExtractorTest.resource("joint-statement-wordpress.html");
        for (int cut = 0; cut < page.length(); cut += 97) {
            ExtractedPage result = extractGuarded(page.substring(0, cut));
            assertThat(result).isNotNull();
        }
        // cut inside the article: what is there is still found
        int inside = page.indexOf("Trump met with Putin");
        assertThat(extractor.extract(page.substring(0, inside), null).text())
                .contains("The civil war in Syria has gone on");
    }

    @Test
    void tenMebibytePageExtracts() {
        String html = tenMebibytePage();
        assertThat(html.length()).isGreaterThanOrEqualTo(10 * 1024 * 1024);

        ExtractedPage page = extractGuarded(html);

        assertThat(page.text()).contains("Paragraph of article prose");
        assertThat(page.explanation()).anyMatch(l -> l.startsWith("input: cut"));
    }

    /** A 10 MiB page of article paragraphs: input limits must keep the DOM small. */
    static String tenMebibytePage() {
        StringBuilder sb = new StringBuilder(10 * 1024 * 1024 + PARA.length());
        sb.append("<html><body><article>");
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append(PARA);
        }
        return sb.append("</article></body></html>").toString();
    }

    /** A 10 MiB page of nothing but tiny tags, the worst case for DOM size. */
    static String tenMebibyteTagSoup() {
        StringBuilder sb = new StringBuilder(10 * 1024 * 1024 + 16);
        sb.append("<html><body>");
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append("<b><i>x</i></b>");
        }
        return sb.toString();
    }

    @Test
    void tenMebibytePageExtractsUnderSixtyFourMebibytesOfHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargePageProbe.class.getName()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("prose page: ok").contains("tag soup page: ok");
    }

    @Test
    void hundredThousandDeepNesting() {
        ExtractedPage page = extractGuarded("<html><body>" + "<div>".repeat(100_000) + PARA.repeat(5)
                + "</div>".repeat(100_000));
        assertThat(page).isNotNull();

        // within the tag limit, text below deep nesting is still found (the parser flattens past its depth cap)
        ExtractedPage found = extractGuarded("<html><body>" + "<div>".repeat(20_000) + PARA.repeat(5)
                + "</div>".repeat(20_000));
        assertThat(found.text()).contains("Paragraph of article prose");

        ExtractedPage spans = extractGuarded("<p>" + "<span>".repeat(100_000) + "deep text");
        assertThat(spans).isNotNull();
    }

    @Test
    void millionSiblings() {
        ExtractedPage page = extractGuarded("<html><body><div>" + "<p>x</p>".repeat(1_000_000) + "</div>");
        assertThat(page).isNotNull();
        ExtractedPage brs = extractGuarded("<html><body><p>" + "a<br>".repeat(1_000_000) + "</p>");
        assertThat(brs).isNotNull();
    }

    @Test
    void brokenEncodings() {
        String[] inputs = {
            "<p>Mojibake: CafÃ© dÃ©jÃ  vu, â€œquotedâ€\u009d and more text that goes on.</p>",
            "<p>Replacement \uFFFD\uFFFD characters and a lone surrogate \uD800 here \uDC00 there.</p>",
            "<p>NUL \u0000 bytes \u0000 inside \u0001 control \u001f characters</p>",
            "<p>Bad entities &#xD800; &#99999999999; &#0; &bogus; &amp &lt;&gt</p>",
            "<html><head><meta charset='x-unknown-charset'></head><body>" + PARA.repeat(5) + "</body></html>",
            "\uFEFF\uFEFF<html><body>" + PARA.repeat(3),
            new String(PARA.repeat(5).getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_8),
        };
        for (String html : inputs) {
            assertThat(extractGuarded(html)).isNotNull();
        }
    }

    @Test
    void brokenMetadataDoesNotThrow() {
        String html = "<html lang='!!-not-a-language'><head>"
                + "<script type='application/ld+json'>{\"@type\": [\"NewsArticle\", {\"x\":1}], \"author\": "
                + "[null, 3, {\"name\": null}], \"datePublished\": \"2019-13-45T99:99\", \"image\": []}</script>"
                + "<script type='application/ld+json'>{ not json at all</script>"
                + "<meta property='article:published_time' content='yesterday'>"
                + "<link rel='canonical' href='::not a url::'></head><body>" + PARA.repeat(5) + "</body></html>";
        ExtractedPage page = extractGuarded(html);
        assertThat(page.text()).contains("Paragraph of article prose");
        assertThat(page.publishedAt()).isNull();
    }

    @Test
    void generatedRandomHtmlNeverThrowsOrHangs() {
        String[] tags = {"div", "p", "span", "a", "article", "section", "ul", "li", "table", "tr", "td", "form",
            "textarea", "script", "style", "h1", "h2", "blockquote", "figure", "figcaption", "br", "img", "nav",
            "header", "footer", "aside", "main", "pre", "b", "i", "iframe", "svg", "template", "select", "option"};
        String[] attrs = {"class=\"content\"", "class=\"comment-list\"", "id=\"main\"", "hidden",
            "style=\"display:none\"", "itemprop=\"articleBody\"", "href=\"/x?y=1&z\"", "class=\"share related\"",
            "class=", "id='sidebar", "lang=\"en\""};
        String[] texts = {"Some words, and more words in a sentence.", "x", "&amp;", "&#x41;", "<!-- c -->",
            "<![CDATA[ d ]]>", "\u0000", "</", "<", ">", "\"", "Ünïcödé ✓ 東京", PARA};
        Random random = new Random(20191120L);
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(600);
            for (int i = 0; i < pieces; i++) {
                switch (random.nextInt(4)) {
                    case 0:
                        sb.append('<').append(tags[random.nextInt(tags.length)]);
                        if (random.nextBoolean()) {
                            sb.append(' ').append(attrs[random.nextInt(attrs.length)]);
                        }
                        sb.append('>');
                        break;
                    case 1:
                        sb.append("</").append(tags[random.nextInt(tags.length)]).append('>');
                        break;
                    default:
                        sb.append(texts[random.nextInt(texts.length)]);
                }
            }
            String url = random.nextBoolean() ? null : "https://e.x/";
            ExtractedPage page = assertTimeoutPreemptively(HANG_GUARD,
                    () -> extractor.extract(sb.toString(), url));
            assertThat(page).isNotNull();
            assertThat(page.text()).isNotNull();
            assertThat(page.explanation()).isNotEmpty();
        }
    }
}
