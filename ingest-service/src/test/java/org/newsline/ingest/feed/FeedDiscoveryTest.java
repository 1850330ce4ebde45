package org.newsline.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.HttpFetcher;
import org.newsline.ingest.http.LoopbackServer;

class FeedDiscoveryTest {

    private static final String RSS = FeedParserTest.rssWithItem("<title>found</title><link>https://x.example/1</link>");
    private static final String JSON_FEED = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\","
            + "\"items\":[{\"id\":\"1\",\"url\":\"https://x.example/j\",\"title\":\"json item\"}]}";

    private LoopbackServer server;
    private FeedDiscovery discovery;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        discovery = new FeedDiscovery(new HttpFetcher(server.policy()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void urlThatIsAFeedIsTakenAsIs() throws Exception {
        server.serve("/feed.xml", "application/rss+xml", RSS);

        DiscoveredFeed found = discovery.discover(server.url("/feed.xml"));

        assertThat(found.feedUrl()).isEqualTo(server.url("/feed.xml"));
        assertThat(found.how()).isEqualTo("the URL is a feed");
        assertThat(found.feed().items()).hasSize(1);
    }

    @Test
    void feedServedAsTextHtmlIsStillRecognised() throws Exception {
        server.serve("/wrongtype", "text/html", RSS);

        assertThat(discovery.discover(server.url("/wrongtype")).how()).isEqualTo("the URL is a feed");
    }

    @Test
    void homePageLinkAlternateRss() throws Exception {
        server.serve("/", "text/html", "<html><head><link rel=\"stylesheet\" href=\"/s.css\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"News\" href=\"/news/rss\"></head></html>")
                .serve("/news/rss", "application/rss+xml", RSS);

        DiscoveredFeed found = discovery.discover(server.url("/"));

        assertThat(found.feedUrl()).isEqualTo(server.url("/news/rss"));
        assertThat(found.how()).startsWith("<link rel=alternate type=application/rss+xml> on ");
    }

    @Test
    void homePageLinkAlternateAtom() throws Exception {
        server.serve("/blog/", "text/html; charset=utf-8", "<html><head>"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"atom.xml\"></head></html>")
                .serve("/blog/atom.xml", "application/atom+xml", resourceText("atom10.xml"));

        DiscoveredFeed found = discovery.discover(server.url("/blog/"));

        assertThat(found.feedUrl()).isEqualTo(server.url("/blog/atom.xml"));
        assertThat(found.how()).contains("application/atom+xml");
    }

    @Test
    void homePageLinkAlternateJsonFeed() throws Exception {
        server.serve("/", "text/html", "<html><head><link rel=\"alternate\" type=\"application/feed+json\" "
                + "href=\"/feed.json\"></head></html>").serve("/feed.json", "application/feed+json", JSON_FEED);

        DiscoveredFeed found = discovery.discover(server.url("/"));

        assertThat(found.feedUrl()).isEqualTo(server.url("/feed.json"));
        assertThat(found.feed().items().get(0).title()).isEqualTo("json item");
    }

    @Test
    void wellKnownPathWhenThePageAnnouncesNoFeed() throws Exception {
        server.serve("/", "text/html", "<html><head><title>No links</title></head></html>")
                .serve("/rss.xml", "application/rss+xml", RSS);

        DiscoveredFeed found = discovery.discover(server.url("/"));

        assertThat(found.feedUrl()).isEqualTo(server.url("/rss.xml"));
        assertThat(found.how()).isEqualTo("well-known path /rss.xml (the page announces no feed)");
        assertThat(server.requests("/feed")).isEqualTo(1);
        assertThat(server.requests("/rss")).isEqualTo(1);
    }

    @Test
    void brokenAnnouncedFeedFallsBackToWellKnownPath() throws Exception {
        server.serve("/", "text/html", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
                + "href=\"/gone.xml\"></head></html>").serve("/feed", "application/rss+xml", RSS);

        DiscoveredFeed found = discovery.discover(server.url("/"));

        assertThat(found.feedUrl()).isEqualTo(server.url("/feed"));
        assertThat(found.how()).contains("no announced feed could be read");
    }

    @Test
    void pageWithoutAnyFeedGivesAClearError() {
        server.serve("/", "text/html", "<html><body>just a page</body></html>");

        assertThatThrownBy(() -> discovery.discover(server.url("/")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("no feed found")
                .hasMessageContaining("/index.xml");
    }

    @Test
    void unreachableUrlIsAFetchException() {
        assertThatThrownBy(() -> discovery.discover(server.url("/missing")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void nonFeedNonHtmlGivesAClearError() {
        server.serve("/a.pdf", "application/pdf", "%PDF-1.4");

        assertThatThrownBy(() -> discovery.discover(server.url("/a.pdf")))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("not a feed: PDF document");
    }

    private static String resourceText(String name) throws Exception {
        return new String(FeedParserTest.resource(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
