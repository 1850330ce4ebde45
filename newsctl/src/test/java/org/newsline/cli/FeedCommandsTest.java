package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.cli.opml.OpmlFeed;
import org.newsline.cli.opml.OpmlReader;
import org.newsline.events.EventCodec;
import org.newsline.events.Ids;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The subscription commands against the real API, broker and feeds on loopback. */
@Tag("integration")
@ExtendWith(SharedPipeline.class)
class FeedCommandsTest {

    static final String UNKNOWN_FEED = "0123456789abcdef0123456789abcdef";

    final SharedPipeline p = SharedPipeline.get();

    @TempDir
    Path dir;

    @Test
    void subscribeThenFeedsListsTheFeedWithItsHealth() throws Exception {
        String url = p.feeds.feed("listed");
        Cli.Result r = Cli.run("subscribe", url, "--tag", "fixtures", "--interval", "30m", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("subscribed " + url + " \"Fixture listed\" (feed " + Ids.feedId(url) + ")\n");

        JsonNode feed = awaitFeed(url, f -> f.path("lastPolledAt").isTextual());
        assertThat(feed.path("interval").asText()).isEqualTo("PT30M");
        assertThat(feed.path("tags").toString()).isEqualTo("[\"fixtures\"]");

        Cli.Result table = Cli.run("feeds", "--api", p.api());
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.lines().get(0)).startsWith("FEED").contains("TITLE", "LAST POLL", "STATUS", "NEW 24H",
                "NEXT POLL", "FAILURES", "LAST ERROR");
        assertThat(table.lines()).anySatisfy(line -> assertThat(line)
                .startsWith(Ids.feedId(url)).contains("Fixture listed").contains(" 200 "));
    }

    @Test
    void subscribingASitePageSaysWhichFeedWasChosen() {
        String site = p.feeds.baseUrl() + "/site/";
        Cli.Result r = Cli.run("subscribe", site, "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("subscribed " + p.feeds.feed("site") + " \"Fixture site\" (feed "
                + Ids.feedId(p.feeds.feed("site")) + "), the feed found on " + site);
    }

    @Test
    void subscribingAPageWithoutAFeedFailsWithTheApisReason() {
        Cli.Result r = Cli.run("subscribe", p.feeds.baseUrl() + "/page.html", "--api", p.api());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("newsctl: cannot subscribe").contains("HTTP 422").hasLineCount(1);
    }

    @Test
    void feedSetChangesIntervalTagsAndPausedThenBackToAdaptive() throws Exception {
        String url = p.feeds.feed("changed");
        assertThat(Cli.run("subscribe", url, "--api", p.api()).exit()).isZero();
        awaitFeed(url, f -> true);
        String id = Ids.feedId(url);

        Cli.Result r = Cli.run("feed", "set", id, "--interval", "2h", "--tag", "a", "--tag", "b", "--paused", "true",
                "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("updated " + url + " (feed " + id + "): interval PT2H, tags a,b, paused");
        awaitFeed(url, f -> f.path("paused").asBoolean() && f.path("interval").asText().equals("PT2H")
                && f.path("tags").toString().equals("[\"a\",\"b\"]"));

        // by URL this time
        r = Cli.run("feed", "set", url, "--interval", "adaptive", "--paused", "false", "--clear-tags", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).endsWith("interval adaptive, tags -, polling");
        awaitFeed(url, f -> !f.path("paused").asBoolean() && f.path("interval").isNull() && f.path("tags").isEmpty());
    }

    @Test
    void feedSetOfAnUnknownFeedFails() {
        Cli.Result r = Cli.run("feed", "set", UNKNOWN_FEED, "--paused", "true", "--api", p.api());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(UNKNOWN_FEED).contains("HTTP 404").hasLineCount(1);
    }

    @Test
    void feedSetWithNothingToChangeOrABadIntervalFails() {
        Cli.Result nothing = Cli.run("feed", "set", UNKNOWN_FEED, "--api", p.api());
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).isEqualTo("newsctl: nothing to change: give --interval, --tag, --clear-tags,"
                + " --title or --paused\n");

        Cli.Result badId = Cli.run("feed", "set", "feed-42", "--paused", "true", "--api", p.api());
        assertThat(badId.exit()).isEqualTo(1);
        assertThat(badId.err()).contains("expected a feed id").hasLineCount(1);
    }

    @Test
    void unsubscribeByUrlAndById() throws Exception {
        String byUrl = p.feeds.feed("gone-by-url");
        String byId = p.feeds.feed("gone-by-id");
        assertThat(Cli.run("subscribe", byUrl, "--api", p.api()).exit()).isZero();
        assertThat(Cli.run("subscribe", byId, "--api", p.api()).exit()).isZero();
        awaitFeed(byUrl, f -> true);
        awaitFeed(byId, f -> true);

        Cli.Result r = Cli.run("unsubscribe", byUrl, "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("unsubscribed " + byUrl + " (feed " + Ids.feedId(byUrl) + ")");
        r = Cli.run("unsubscribe", Ids.feedId(byId), "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("unsubscribed " + Ids.feedId(byId));

        SharedPipeline.await("both feeds are gone", () -> feed(byUrl).isEmpty() && feed(byId).isEmpty(),
                Duration.ofSeconds(20));
    }

    @Test
    void unsubscribeOfAnUnknownFeedFails() {
        Cli.Result r = Cli.run("unsubscribe", UNKNOWN_FEED, "--api", p.api());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("newsctl: no feed is subscribed as " + UNKNOWN_FEED + " (HTTP 404)\n");

        String site = p.feeds.baseUrl() + "/never-subscribed/";
        Cli.Result byUrl = Cli.run("unsubscribe", site, "--api", p.api());
        assertThat(byUrl.exit()).isEqualTo(1);
        assertThat(byUrl.err()).isEqualTo("newsctl: no feed is subscribed as " + site
                + " (`newsctl feeds --json` lists the feeds' URLs and ids)\n");
        Cli.Result set = Cli.run("feed", "set", site, "--paused", "true", "--api", p.api());
        assertThat(set.err()).isEqualTo(byUrl.err());
    }

    @Test
    void importOpmlSubscribesNestedOutlinesWithFoldersAndCategoriesAsTagsAndReportsFailures() throws Exception {
        String ok1 = p.feeds.feed("opml-one");
        String ok2 = p.feeds.feed("opml-two");
        String missing = p.feeds.baseUrl() + "/missing.xml";
        Path opml = dir.resolve("subscriptions.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>mine</title></head>
                  <body>
                    <outline text="News">
                      <outline text="Local">
                        <outline type="rss" text="One" xmlUrl="%s" category="/Tech/Gadgets,Weekly"/>
                      </outline>
                      <outline type="rss" text="Gone" xmlUrl="%s"/>
                    </outline>
                    <outline type="rss" text="Two" xmlUrl="%s"/>
                  </body>
                </opml>
                """.formatted(ok1, missing, ok2));

        Cli.Result r = Cli.run("import-opml", opml.toString(), "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.lines()).hasSize(3)
                .contains("subscribed " + ok1 + " \"Fixture opml-one\" (feed " + Ids.feedId(ok1) + ")")
                .contains("subscribed " + ok2 + " \"Fixture opml-two\" (feed " + Ids.feedId(ok2) + ")");
        assertThat(r.lines().get(2)).isEqualTo("imported " + opml + ": 3 feeds, 2 subscribed, 1 failed");
        assertThat(r.err()).contains("failed " + missing + " (line 9): ").contains("HTTP 4")
                .contains("1 of 3 feeds could not be subscribed");

        JsonNode one = awaitFeed(ok1, f -> true);
        assertThat(one.path("tags").toString()).isEqualTo("[\"News\",\"Local\",\"Tech/Gadgets\",\"Weekly\"]");
        assertThat(awaitFeed(ok2, f -> true).path("tags")).isEmpty();
    }

    @Test
    void importOpmlRefusesADoctypeAndAMissingFile() throws Exception {
        Path evil = dir.resolve("evil.opml");
        Files.writeString(evil, """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline text="&xxe;" xmlUrl="http://127.0.0.1:1/x.xml"/></body></opml>
                """);
        Cli.Result r = Cli.run("import-opml", evil.toString(), "--api", p.api());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("DOCTYPE is not allowed").hasLineCount(1);

        Cli.Result missing = Cli.run("import-opml", dir.resolve("nope.opml").toString(), "--api", p.api());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith("newsctl: no such file: ").hasLineCount(1);
    }

    @Test
    void exportOpmlIsOpml2WithEveryFeedAndItsTagsAndReadsBack() throws Exception {
        String url = p.feeds.feed("exported%26%3Cescaped%3E");
        assertThat(Cli.run("subscribe", url, "--tag", "x", "--tag", "y z", "--api", p.api()).exit()).isZero();
        awaitFeed(url, f -> true);

        Cli.Result r = Cli.run("export-opml", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.outBytes()));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("opml");
        assertThat(root.getAttribute("version")).isEqualTo("2.0");
        assertThat(doc.getElementsByTagName("head").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("dateCreated").item(0).getTextContent()).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} .*");
        for (int i = 0; i < doc.getElementsByTagName("outline").getLength(); i++) {
            Element o = (Element) doc.getElementsByTagName("outline").item(i);
            assertThat(o.getAttribute("text")).as("OPML 2.0 requires text").isNotEmpty();
        }

        List<OpmlFeed> back = new ArrayList<>();
        OpmlReader.read(new ByteArrayInputStream(r.outBytes()), back::add);
        JsonNode listed = SharedPipeline.getJson(p.api() + "/api/feeds");
        assertThat(back).hasSize(listed.get("items").size());
        assertThat(back).anySatisfy(f -> {
            assertThat(f.xmlUrl()).isEqualTo(url);
            assertThat(f.title()).isEqualTo("Fixture exported&<escaped>");
            assertThat(f.tags()).containsExactly("x", "y z");
        });
        assertThat(back).extracting(OpmlFeed::xmlUrl).containsAll(p.demo.feedUrls());
    }

    @Test
    void everyFeedCommandSaysSoWhenTheApiIsUnreachable() throws Exception {
        String dead = "http://127.0.0.1:" + ClosedPort.find();
        for (String[] args : List.of(new String[] {"feeds"}, new String[] {"export-opml"},
                new String[] {"subscribe", p.feeds.feed("x")}, new String[] {"unsubscribe", UNKNOWN_FEED},
                new String[] {"feed", "set", UNKNOWN_FEED, "--paused", "true"})) {
            List<String> withApi = new ArrayList<>(List.of(args));
            withApi.addAll(List.of("--api", dead));
            Cli.Result r = Cli.run(withApi.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).as(String.join(" ", args)).startsWith("newsctl: cannot reach the Newsline API at " + dead)
                    .hasLineCount(1);
        }
        Cli.Result noScheme = Cli.run("feeds", "--api", "localhost:8080");
        assertThat(noScheme.exit()).isEqualTo(1);
        assertThat(noScheme.err()).isEqualTo("newsctl: --api must be an http:// or https:// URL, got 'localhost:8080'\n");
    }

    @Test
    void importOpmlStopsAtOnceWhenTheApiIsUnreachable() throws Exception {
        String dead = "http://127.0.0.1:" + ClosedPort.find();
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body>\n");
        for (int i = 0; i < 200; i++) {
            opml.append("<outline text=\"f\" xmlUrl=\"").append(p.feeds.feed("n" + i)).append("\"/>\n");
        }
        Path file = dir.resolve("many.opml");
        Files.writeString(file, opml.append("</body></opml>\n"));
        Cli.Result r = Cli.run("import-opml", file.toString(), "--api", dead);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("newsctl: cannot reach the Newsline API at " + dead)
                .endsWith("(0 subscribed, 0 failed before it)\n").hasLineCount(1);
    }

    @Test
    void feedsJsonIsOneObjectPerFeed() throws Exception {
        Cli.Result r = Cli.run("feeds", "--json", "--api", p.api());
        assertThat(r.exit()).isZero();
        for (String line : r.lines()) {
            JsonNode f = EventCodec.mapper().readTree(line);
            assertThat(Ids.isId(f.path("feedId").asText())).isTrue();
            assertThat(f.has("consecutiveFailures")).isTrue();
        }
        assertThat(r.lines()).hasSizeGreaterThanOrEqualTo(p.demo.feedUrls().size());
    }

    private Optional<JsonNode> feed(String url) {
        JsonNode list = SharedPipeline.getJson(p.api() + "/api/feeds");
        if (list == null) {
            return Optional.empty();
        }
        for (JsonNode f : list.get("items")) {
            if (f.path("url").asText().equals(url)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Subscriptions reach the API's list once the store has consumed news.feeds: wait for that. */
    private JsonNode awaitFeed(String url, Predicate<JsonNode> condition) throws InterruptedException {
        JsonNode[] found = new JsonNode[1];
        SharedPipeline.await(url + " is listed as expected", () -> {
            Optional<JsonNode> f = feed(url);
            f.filter(condition).ifPresent(x -> found[0] = x);
            return found[0] != null;
        }, Duration.ofSeconds(20));
        return found[0];
    }
}
