package org.newsline.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsline.events.FeedItem;

class FeedParserTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final FeedParser parser = new FeedParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void rss091() throws Exception {
        ParsedFeed feed = parser.parse(resource("rss091.xml"), "application/rss+xml", "http://old.example.com/rss");

        assertThat(feed.title()).isEqualTo("Old Times");
        assertThat(feed.siteUrl()).isEqualTo("http://old.example.com/");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("First & oldest", "Second");
        assertThat(feed.items()).extracting(FeedItem::link)
                .containsExactly("http://old.example.com/1.html", "http://old.example.com/2.html");
        assertThat(feed.items().get(0).summary()).isEqualTo("The very first story");
        assertThat(feed.items().get(0).published()).isNull();
    }

    @Test
    void rss090() throws Exception {
        String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>Ninety</title>"
                + "<link>http://ninety.example.com/</link><description>d</description></channel>"
                + "<item><title>Nine</title><link>http://ninety.example.com/9</link></item></rdf:RDF>";

        ParsedFeed feed = parse(rdf, "http://ninety.example.com/rss");

        assertThat(feed.title()).isEqualTo("Ninety");
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly("http://ninety.example.com/9");
    }

    @Test
    void rss092WithEnclosureAndCategory() throws Exception {
        String rss = "<rss version=\"0.92\"><channel><title>Ninety-two</title><link>http://n2.example.com/</link>"
                + "<description>d</description><item><title>Show</title><description>ep</description>"
                + "<category>audio</category><enclosure url=\"http://n2.example.com/a.mp3\" length=\"1\" "
                + "type=\"audio/mpeg\"/></item></channel></rss>";

        ParsedFeed feed = parse(rss, "http://n2.example.com/rss");

        assertThat(feed.items().get(0).link()).isEqualTo("http://n2.example.com/a.mp3");
        assertThat(feed.items().get(0).summary()).isEqualTo("ep");
        assertThat(feed.defects()).isEmpty();
    }

    @Test
    void rss10() throws Exception {
        ParsedFeed feed = parser.parse(resource("rss10.rdf"), "application/rdf+xml", "http://rdf.example.org/index.rdf");

        assertThat(feed.title()).isEqualTo("RDF Site");
        assertThat(feed.items()).hasSize(2);
        FeedItem a = feed.items().get(0);
        assertThat(a.link()).isEqualTo("http://rdf.example.org/a");
        assertThat(a.guid()).isEqualTo("http://rdf.example.org/a");
        assertThat(a.author()).isEqualTo("Ada Lovelace");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-20T07:15:00Z"));
        assertThat(feed.items().get(1).published()).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
        assertThat(feed.ttlHint()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void rss20WithContentEncodedDcCreatorAndEnclosure() throws Exception {
        ParsedFeed feed = parser.parse(resource("rss20.xml"), "application/rss+xml; charset=utf-8",
                "https://news.example.com/feed.xml");

        assertThat(feed.title()).isEqualTo("Daily News");
        assertThat(feed.ttlHint()).isEqualTo(Duration.ofMinutes(30));
        List<FeedItem> items = feed.items();
        assertThat(items).hasSize(4);

        FeedItem first = items.get(0);
        assertThat(first.title()).isEqualTo("Mayor says “no”");
        assertThat(first.link()).isEqualTo("https://news.example.com/2026/11/mayor?utm_source=rss");
        assertThat(first.guid()).isEqualTo("tag:news.example.com,2026:4711");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
        assertThat(first.author()).isEqualTo("Jane Reporter");
        assertThat(first.summary()).isEqualTo("Short summary.");

        FeedItem second = items.get(1);
        assertThat(second.link()).isEqualTo("https://news.example.com/2026/11/relative");
        assertThat(second.published()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(second.summary()).isEqualTo("<p>Body only.</p>");

        assertThat(items.get(2).link()).isEqualTo("https://news.example.com/media/ep1.mp3");
        assertThat(items.get(3).link()).isEqualTo("https://news.example.com/permalink");
        assertThat(feed.defects()).isEmpty();
    }

    @Test
    void atom03() throws Exception {
        ParsedFeed feed = parser.parse(resource("atom03.xml"), "application/atom+xml", "http://atom03.example.org/atom.xml");

        assertThat(feed.title()).isEqualTo("Atom Zero Three");
        FeedItem e = feed.items().get(0);
        assertThat(e.link()).isEqualTo("http://atom03.example.org/2026/11/20/entry");
        assertThat(e.guid()).isEqualTo("tag:atom03.example.org,2026:1");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-11-20T12:29:29Z"));
        assertThat(e.summary()).isEqualTo("An Atom 0.3 summary");
    }

    @Test
    void atom10WithNestedXmlBase() throws Exception {
        ParsedFeed feed = parser.parse(resource("atom10.xml"), "application/atom+xml",
                "https://feeds.example.net/blog/atom.xml");

        assertThat(feed.title()).isEqualTo("Atom Blog");
        assertThat(feed.siteUrl()).isEqualTo("https://blog.example.net/");
        FeedItem first = feed.items().get(0);
        assertThat(first.link()).isEqualTo("https://blog.example.net/posts/first.html");
        assertThat(first.guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-24T08:00:00.123Z"));
        assertThat(first.author()).isEqualTo("Entry Author");
        assertThat(first.summary()).isEqualTo("Summary one");
        FeedItem second = feed.items().get(1);
        assertThat(second.link()).isEqualTo("https://elsewhere.example.com/story");
        assertThat(second.author()).isEqualTo("Feed Author");   // RFC 4287: an entry inherits the feed's author
        assertThat(second.published()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(second.summary()).contains("Only content");
    }

    @Test
    void relativeLinksWithoutXmlBaseResolveAgainstTheFeedUrl() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>/</link><description>d</description>"
                + "<item><title>a</title><link>story/1</link></item>"
                + "<item><title>b</title><link>../up</link></item>"
                + "<item><title>c</title><link>//cdn.example.com/x</link></item></channel></rss>";

        ParsedFeed feed = parse(rss, "https://site.example.com/feeds/main.xml");

        assertThat(feed.siteUrl()).isEqualTo("https://site.example.com/");
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                "https://site.example.com/feeds/story/1", "https://site.example.com/up", "https://cdn.example.com/x");
    }

    @Test
    void rssItemXmlBaseIsHonoured() throws Exception {
        String rss = "<rss version=\"2.0\" xml:base=\"https://base.example.org/a/\"><channel><title>t</title>"
                + "<link>https://base.example.org/</link><description>d</description>"
                + "<item xml:base=\"b/\"><title>x</title><link>c.html</link></item></channel></rss>";

        assertThat(parse(rss, "https://feeds.example.com/f").items().get(0).link())
                .isEqualTo("https://base.example.org/a/b/c.html");
    }

    @Test
    void jsonFeed10() throws Exception {
        ParsedFeed feed = parser.parse(resource("jsonfeed10.json"), "application/json", "https://json.example.org/feed.json");

        assertThat(feed.title()).isEqualTo("JSON One");
        assertThat(feed.siteUrl()).isEqualTo("https://json.example.org/");
        FeedItem first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("1");
        assertThat(first.link()).isEqualTo("https://json.example.org/1");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(first.author()).isEqualTo("Item Person");
        assertThat(first.summary()).isEqualTo("<p>Hello</p>");
        FeedItem second = feed.items().get(1);
        assertThat(second.guid()).isEqualTo("2");
        assertThat(second.link()).isEqualTo("https://json.example.org/2");
        assertThat(second.author()).isEqualTo("Feed Person");
        assertThat(second.published()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void jsonFeed11() throws Exception {
        ParsedFeed feed = parser.parse(resource("jsonfeed11.json"), "application/feed+json", "https://json11.example.org/feed.json");

        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).summary()).isEqualTo("The summary");
        assertThat(feed.items().get(0).author()).isEqualTo("Carol");
        assertThat(feed.items().get(1).link()).isEqualTo("https://other.example.com/b");
        assertThat(feed.items().get(1).author()).isEqualTo("Alice, Bob");
        assertThat(feed.items().get(1).published()).isNull();
    }

    @Test
    void missingDatesAreNull() throws Exception {
        ParsedFeed feed = parse(rssWithItem("<title>no date</title><link>https://x.example/1</link>"), "https://x.example/f");

        assertThat(feed.items().get(0).published()).isNull();
        assertThat(feed.defects()).isEmpty();
    }

    @Test
    void unreadableDateIsNullAndRecorded() throws Exception {
        ParsedFeed feed = parse(rssWithItem("<title>x</title><link>https://x.example/1</link><pubDate>yesterday-ish</pubDate>"),
                "https://x.example/f");

        assertThat(feed.items().get(0).published()).isNull();
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("unreadable date").contains("yesterday-ish"));
    }

    @Test
    void futureDateIsKeptAndFlagged() throws Exception {
        ParsedFeed feed = parse(rssWithItem("<title>x</title><link>https://x.example/1</link>"
                + "<pubDate>Fri, 01 Jan 2027 00:00:00 GMT</pubDate>"), "https://x.example/f");

        assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("date in the future"));
    }

    @Test
    void undeclaredHtmlEntitiesAreReadAndRecorded() throws Exception {
        ParsedFeed feed = parse(rssWithItem("<title>caf&eacute;&nbsp;time &mdash; now</title><link>https://x.example/1</link>"),
                "https://x.example/f");

        assertThat(feed.items().get(0).title()).isEqualTo("café\u00a0time — now");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("undeclared HTML entity").contains("&eacute;"));
    }

    @Test
    void bareAmpersandIsReadAndRecorded() throws Exception {
        ParsedFeed feed = parse(rssWithItem("<title>Salt & pepper</title><link>https://x.example/?a=1&b=2</link>"),
                "https://x.example/f");

        assertThat(feed.items().get(0).title()).isEqualTo("Salt & pepper");
        assertThat(feed.items().get(0).link()).isEqualTo("https://x.example/?a=1&b=2");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).startsWith("bare & escaped (2 times)"));
    }

    @Test
    void bomAndWhitespaceBeforeTheXmlDeclarationAreTolerated() throws Exception {
        byte[] xml = ("\uFEFF\n\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>" + rssWithItem("<title>ok</title>"))
                .getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(xml, "text/xml", "https://x.example/f");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("ok");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("whitespace before the XML declaration"));
    }

    @Test
    void wrongDeclaredLatin1ButUtf8BodyIsReadAsUtf8() throws Exception {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + rssWithItem("<title>Zürich – Köln</title>"))
                .getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(xml, "application/rss+xml", "https://x.example/f");

        assertThat(feed.items().get(0).title()).isEqualTo("Zürich – Köln");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("wrong charset"));
    }

    @Test
    void wrongDeclaredUtf8ButWindows1252BodyIsReadAsWindows1252() throws Exception {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + rssWithItem("<title>Café “quoted”</title>"))
                .getBytes(Charset.forName("windows-1252"));

        ParsedFeed feed = parser.parse(xml, "application/rss+xml; charset=utf-8", "https://x.example/f");

        assertThat(feed.items().get(0).title()).isEqualTo("Café “quoted”");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("wrong charset"));
    }

    @Test
    void headerCharsetIsUsedForNonUtf8Feeds() throws Exception {
        byte[] xml = rssWithItem("<title>Привет мир</title>").getBytes(Charset.forName("KOI8-R"));

        ParsedFeed feed = parser.parse(xml, "text/xml; charset=koi8-r", "https://x.example/f");

        assertThat(feed.items().get(0).title()).isEqualTo("Привет мир");
        assertThat(feed.defects()).isEmpty();
    }

    @Test
    void utf16WithByteOrderMarkIsRead() throws Exception {
        byte[] xml = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + rssWithItem("<title>Ελληνικά</title>"))
                .getBytes(StandardCharsets.UTF_16LE);

        ParsedFeed feed = parser.parse(xml, "application/rss+xml", "https://x.example/f");

        assertThat(feed.items().get(0).title()).isEqualTo("Ελληνικά");
    }

    @Test
    void invalidUtf8BytesAreReplacedAndRecorded() throws Exception {
        byte[] good = rssWithItem("<title>Grüße aus Köln und Zürich XYZ</title>").getBytes(StandardCharsets.UTF_8);
        String s = new String(good, StandardCharsets.ISO_8859_1).replace("XYZ", "\u00ff\u00fe");
        byte[] damaged = s.getBytes(StandardCharsets.ISO_8859_1);

        ParsedFeed feed = parser.parse(damaged, "application/rss+xml", "https://x.example/f");

        assertThat(feed.items().get(0).title()).startsWith("Grüße aus Köln und Zürich ").contains("\uFFFD");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("invalid UTF-8"));
    }

    @Test
    void strayLessThanAndUnclosedTagsAreReadLenientlyAndRecorded() throws Exception {
        ParsedFeed feed = parse("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<title>t</title><link>https://x.example/</link><description>d</description>"
                + "<item><title>if a < b then</title><link>https://x.example/1</link><dc:creator>Ann</dc:creator>"
                + "<description>line<br>break</description></item>"
                + "<item><title>second</title><link>https://x.example/2</link></item></channel></rss>",
                "https://x.example/f");

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly("https://x.example/1", "https://x.example/2");
        assertThat(feed.items().get(0).title()).isEqualTo("if a < b then");
        assertThat(feed.items().get(0).author()).isEqualTo("Ann");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).startsWith("malformed XML read leniently"));
    }

    @Test
    void controlCharactersAreRemovedAndRecorded() throws Exception {
        ParsedFeed feed = parse(rssWithItem("<title>bell\u0007 and \u0000null</title>"), "https://x.example/f");

        assertThat(feed.items().get(0).title()).isEqualTo("bell and null");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("not allowed in XML"));
    }

    @Test
    void rssWithoutVersionIsReadAsRss20() throws Exception {
        ParsedFeed feed = parse("<rss><channel><title>t</title><link>https://x.example/</link><description>d</description>"
                + "<item><title>a</title><link>https://x.example/a</link></item></channel></rss>", "https://x.example/f");

        assertThat(feed.items()).hasSize(1);
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("read as 2.0"));
    }

    @Test
    void nonHttpItemLinksAreDroppedAndRecorded() throws Exception {
        ParsedFeed feed = parse(rssWithItem("<title>x</title><link>javascript:alert(1)</link><guid isPermaLink=\"false\">g1</guid>"),
                "https://x.example/f");

        assertThat(feed.items().get(0).link()).isNull();
        assertThat(feed.items().get(0).guid()).isEqualTo("g1");
        assertThat(feed.defects()).anySatisfy(d -> assertThat(d).contains("not http(s)"));
    }

    @Test
    void sameDefectInEveryItemIsCountedOnce() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            items.append("<item><title>a&nbsp;b</title><link>https://x.example/").append(i).append("</link></item>");
        }
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
                + "<description>d</description>" + items + "</channel></rss>", "https://x.example/f");

        assertThat(feed.defects()).containsExactly("undeclared HTML entity replaced (500 times): &nbsp;");
    }

    @Test
    void syndicationUpdatePeriodGivesTheTtlHint() throws Exception {
        String rss = "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>"
                + "<title>t</title><link>https://x.example/</link><description>d</description>"
                + "<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel></rss>";

        assertThat(parse(rss, "https://x.example/f").ttlHint()).isEqualTo(Duration.ofHours(6));
    }

    static String rssWithItem(String item) {
        return "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link><description>d</description>"
                + "<item>" + item + "</item></channel></rss>";
    }

    private ParsedFeed parse(String xml, String url) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", url);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
