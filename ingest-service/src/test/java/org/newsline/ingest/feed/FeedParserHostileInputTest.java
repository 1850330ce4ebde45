package org.newsline.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsline.ingest.feed.FeedParserTest.resource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.events.FeedItem;
import org.newsline.ingest.http.LoopbackServer;

/** Feeds that try to read files, exhaust memory or pass for something they are not. */
class FeedParserHostileInputTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void xxeExternalEntityIsNotExpanded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + FeedParserTest.rssWithItem("<title>leak: &xxe;</title><link>https://x.example/1</link>");

        ParsedFeed feed = parse(xml);

        assertThat(feed.items().get(0).title()).doesNotContain("TOP-SECRET").isEqualTo("leak: &xxe;");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("DOCTYPE").contains("not expanded"));
    }

    @Test
    void xxeParameterEntityIsNotExpanded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-43");
        String xml = "<!DOCTYPE rss [ <!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p; ]>"
                + FeedParserTest.rssWithItem("<title>t</title>");

        ParsedFeed feed = parse(xml);

        assertThat(feed.items().get(0).title()).isEqualTo("t");
        assertThat(feed.toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void externalDtdIsNeverFetched() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.serve("/evil.dtd", "application/xml-dtd", "<!ENTITY e \"fetched\">");
            String xml = "<!DOCTYPE rss SYSTEM \"" + server.url("/evil.dtd") + "\">"
                    + FeedParserTest.rssWithItem("<title>&e;</title>");

            ParsedFeed feed = parse(xml);

            assertThat(feed.items().get(0).title()).isEqualTo("&e;");
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void billionLaughsIsNotExpanded() throws Exception {
        long start = System.nanoTime();

        ParsedFeed feed = parser.parse(resource("billion-laughs.xml"), "application/rss+xml", "https://laughs.example.com/rss");

        assertThat(feed.items().get(0).title()).isEqualTo("&lol9;");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void doctypeHiddenInsideTheDocumentIsRemovedToo() throws Exception {
        // a DOCTYPE after a comment, and one with '>' inside quoted strings and a nested comment
        String xml = "<!-- hi --><!DOCTYPE rss [ <!ENTITY a \"x>y\"> <!-- ]> --> <!ENTITY b 'z'> ]>"
                + FeedParserTest.rssWithItem("<title>&a;&b;</title>");

        assertThat(parse(xml).items().get(0).title()).isEqualTo("&a;&b;");
    }

    @Test
    void htmlPageIsNotAFeed() throws Exception {
        byte[] html = resource("html-page.html");

        assertThatThrownBy(() -> parser.parse(html, "text/html; charset=utf-8", "https://x.example/"))
                .isInstanceOf(FeedParseException.class).hasMessage("not a feed: HTML page");
    }

    @Test
    void htmlFragmentWithoutDoctypeIsNotAFeed() {
        byte[] html = "<meta charset=utf-8><title>x</title><div>text<br></div>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(html, null, "https://x.example/"))
                .isInstanceOf(FeedParseException.class).hasMessage("not a feed: HTML page");
    }

    @Test
    void xhtmlPageServedAsXmlIsNotAFeed() {
        byte[] xhtml = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(xhtml, "application/xml", "https://x.example/"))
                .isInstanceOf(FeedParseException.class).hasMessage("not a feed: HTML page");
    }

    @Test
    void otherXmlIsNotAFeed() {
        byte[] sitemap = "<urlset><url><loc>https://x.example/</loc></url></urlset>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(sitemap, "application/xml", "https://x.example/sitemap.xml"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("not a feed").hasMessageContaining("urlset");
    }

    @Test
    void pdfIsNotAFeed() {
        assertThatThrownBy(() -> parser.parse("%PDF-1.4 ...".getBytes(StandardCharsets.ISO_8859_1), "application/pdf",
                "https://x.example/a.pdf")).isInstanceOf(FeedParseException.class).hasMessage("not a feed: PDF document");
    }

    @Test
    void emptyBodyIsNotAFeed() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "application/rss+xml", "https://x.example/f"))
                .isInstanceOf(FeedParseException.class).hasMessage("not a feed: empty body");
    }

    @Test
    void jsonThatIsNotAJsonFeedIsNotAFeed() {
        assertThatThrownBy(() -> parser.parse("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), "application/json",
                "https://x.example/api")).isInstanceOf(FeedParseException.class).hasMessageContaining("JSON Feed version");
    }

    @Test
    void deeplyNestedJsonIsRefusedNotAStackOverflow() {
        String deep = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[" + "[".repeat(5000)
                + "]".repeat(5000) + "]}";

        assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8), "application/feed+json",
                "https://x.example/f")).isInstanceOf(FeedParseException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void rssWithoutChannelIsNotAFeed() {
        // found by FeedParserFuzzTest: Rome failed with a NullPointerException instead of a FeedParseException
        for (String xml : new String[] {"<rss><item><title>lost</title></item></rss>",
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><item/></rdf:RDF>"}) {
            assertThatThrownBy(() -> parse(xml)).isInstanceOf(FeedParseException.class)
                    .hasMessageContaining("without a <channel>");
        }
    }

    @Test
    void attributeNameThatJdomRefusesIsMalformedXml() {
        // found by FeedParserFuzzTest: JDOM's IllegalNameException escaped the parser
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel :about=\"x\"><title>t</title></channel></rss>"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("malformed XML");
    }

    @Test
    void truncatedXmlGivesAClearError() {
        String xml = FeedParserTest.rssWithItem("<title>t</title>");
        byte[] truncated = xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(truncated, "application/rss+xml", "https://x.example/f"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("malformed XML");
    }

    @Test
    void tenThousandItemFeedIsReadQuickly() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>big</title>"
                + "<link>https://big.example.com/</link><description>d</description>");
        for (int i = 0; i < 10_000; i++) {
            xml.append("<item><title>Item ").append(i).append("</title><link>https://big.example.com/").append(i)
                    .append("</link><guid>g").append(i).append("</guid><pubDate>Tue, 24 Nov 2026 10:30:00 GMT</pubDate>"
                    + "<description>Some summary text for the item.</description></item>");
        }
        xml.append("</channel></rss>");
        long start = System.nanoTime();

        ParsedFeed feed = parse(xml.toString());

        assertThat(feed.items()).hasSize(10_000);
        assertThat(feed.items().get(9_999)).extracting(FeedItem::link).isEqualTo("https://big.example.com/9999");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void enormousItemFieldsAreCutSoRecordsStaySendable() throws Exception {
        String book = "word ".repeat(100_000);
        ParsedFeed feed = parse(FeedParserTest.rssWithItem("<title>" + "t".repeat(5_000) + "</title>"
                + "<link>https://x.example/" + "a".repeat(9_000) + "</link><guid isPermaLink=\"false\">g</guid>"
                + "<description>" + book + "</description>"));

        FeedItem item = feed.items().get(0);
        assertThat(item.summary()).hasSize(ItemLimits.MAX_SUMMARY);
        assertThat(item.title()).hasSize(ItemLimits.MAX_TITLE);
        assertThat(item.link()).isNull();
        assertThat(item.guid()).isEqualTo("g");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("summary cut"))
                .anySatisfy(d -> assertThat(d).contains("link longer than"));
    }

    @Test
    void hugeNumericCharacterReferencesAreDropped() throws Exception {
        ParsedFeed feed = parse(FeedParserTest.rssWithItem("<title>a&#99999999;b&#x0;c</title>"));

        assertThat(feed.items().get(0).title()).isEqualTo("abc");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("character reference"));
    }

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "https://x.example/feed");
    }
}
