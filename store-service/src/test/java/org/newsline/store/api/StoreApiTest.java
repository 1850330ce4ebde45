package org.newsline.store.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsline.store.db.Fixtures.T0;
import static org.newsline.store.db.Fixtures.article;
import static org.newsline.store.db.Fixtures.id;
import static org.newsline.store.db.Fixtures.rawPage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.events.Article;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedSubscription;
import org.newsline.events.Ids;
import org.newsline.events.InvalidUrlException;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.http.HttpServer;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.FeedChange;
import org.newsline.store.replay.ReplayApi;
import org.newsline.store.replay.ReplayJobs;

/** The API on the real HTTP server, over a real SQLite store. */
class StoreApiTest {

    @TempDir
    Path dir;

    private ArticleStore store;
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("api.db"));
        server = HttpServer.start("127.0.0.1", 0, List.of(new StoreApi(store, new InMemorySubscriptions(store))));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    record Reply(int status, JsonNode json, String body) {
    }

    // ---- happy paths ----------------------------------------------------------------------------------------

    @Test
    void articlesAreListedNewestFirstWithoutHtmlAndPagedByCursor() throws Exception {
        List<Article> articles = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            articles.add(article(n, "1.0.0", "Text about the harbour number " + n, "President Trump|Donald Trump"));
        }
        store.putArticles(articles);

        Reply first = get("/api/articles?limit=3");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(3);
        JsonNode item = first.json().get("items").get(0);
        assertThat(item.get("articleId").asText()).isEqualTo(id(6));
        assertThat(item.has("html")).isFalse();
        assertThat(item.has("statements")).isFalse();
        assertThat(item.get("statementCount").asInt()).isEqualTo(1);
        assertThat(item.get("isArticle").asBoolean()).isTrue();
        assertThat(item.get("publishedAt").asText()).isEqualTo(T0.plus(Duration.ofMinutes(6)).toString());

        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            Reply page = get("/api/articles?limit=3" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            page.json().get("items").forEach(i -> assertThat(seen.add(i.get("articleId").asText())).isTrue());
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(7);

        assertThat(get("/api/articles").json().get("items")).hasSize(7);
        assertThat(get("/api/articles?q=harbour%20number%203").json().get("items")).hasSize(1);
        assertThat(get("/api/articles?limit=100000").status()).isEqualTo(200);
        assertThat(get("/api/articles?since=" + T0.plus(Duration.ofMinutes(5)) + "&until=2026-01-01").status())
                .isEqualTo(400);
        assertThat(get("/api/articles?since=2026-03-01&language=en&author=jane&feed="
                + enc("https://news.example.org/rss.xml")).json().get("items")).hasSize(7);
    }

    @Test
    void oneArticleComesWithHtmlAndStatements() throws Exception {
        store.putArticles(List.of(article(1, "1.0.0", "Some text", "President Trump|Donald Trump", "Angela Merkel")));
        Reply reply = get("/api/articles/" + id(1));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("html").asText()).contains("<article>");
        assertThat(reply.json().get("statements")).hasSize(2);
        assertThat(reply.json().get("statements").get(0).get("kind").asText()).isEqualTo("direct");
        Article back = EventCodec.mapper().treeToValue(reply.json(), Article.class);
        assertThat(back).isEqualTo(store.article(id(1)).orElseThrow());
    }

    @Test
    void statementsFilterBySpeakerWholeWord() throws Exception {
        store.putArticles(List.of(article(1, "1.0.0", "text", "President Trump|Donald Trump", "Trumpet Player"),
                article(2, "1.0.0", "text", "Angela Merkel")));
        Reply reply = get("/api/statements?speaker=trump&limit=10");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("items")).hasSize(1);
        assertThat(reply.json().get("items").get(0).get("speaker").asText()).isEqualTo("President Trump");
        assertThat(reply.json().get("items").get(0).get("speakerCanonical").asText()).isEqualTo("Donald Trump");
        assertThat(get("/api/statements?kind=indirect").json().get("items")).hasSize(1);
        assertThat(get("/api/statements?q=Merkel").json().get("items")).hasSize(1);

        Reply speakers = get("/api/speakers?since=2026-01-01T00:00:00Z");
        assertThat(speakers.json().get("items").get(0).get("key").asText()).isIn("trump", "player", "merkel");
        assertThat(speakers.json().get("items")).hasSize(3);
    }

    @Test
    void feedsCanBeSubscribedChangedListedAndRemoved() throws Exception {
        Reply created = send("POST", "/api/feeds",
                "{\"url\": \"https://feeds.example.com/world.xml\", \"tags\": [\"world\"], \"interval\": \"15m\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("interval").asText()).isEqualTo("PT15M");
        String feedId = created.json().get("feedId").asText();
        assertThat(feedId).isEqualTo(Ids.feedId("https://feeds.example.com/world.xml"));

        Reply listed = get("/api/feeds");
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.json().get("items").get(0).get("health").asText()).isEqualTo("pending");
        assertThat(listed.json().get("items").get(0).get("tags").get(0).asText()).isEqualTo("world");

        Reply patched = send("PATCH", "/api/feeds/" + feedId, "{\"paused\": true, \"interval\": null}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("paused").asBoolean()).isTrue();
        assertThat(patched.json().get("interval").isNull()).isTrue();
        assertThat(get("/api/feeds").json().get("items").get(0).get("health").asText()).isEqualTo("paused");

        assertThat(send("DELETE", "/api/feeds/" + feedId, null).status()).isEqualTo(204);
        assertThat(get("/api/feeds").json().get("items")).isEmpty();
        assertThat(send("DELETE", "/api/feeds/" + feedId, null).status()).isEqualTo(404);

        send("POST", "/api/feeds", "{\"url\": \"https://feeds.example.com/world.xml\"}");
        assertThat(send("DELETE", "/api/feeds?url=" + enc("https://feeds.example.com/world.xml"), null).status())
                .isEqualTo(204);
        assertThat(send("DELETE", "/api/feeds?url=" + enc("https://feeds.example.com/world.xml"), null).status())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/feeds", null).status()).isEqualTo(400);
    }

    @Test
    void subscribingABadFeedExplainsWhy() throws Exception {
        Reply notAFeed = send("POST", "/api/feeds", "{\"url\": \"https://example.com/not-a-feed.html\"}");
        assertThat(notAFeed.status()).isEqualTo(422);
        assertThat(notAFeed.json().get("error").asText()).contains("not an RSS or Atom feed");
        Reply local = send("POST", "/api/feeds", "{\"url\": \"http://127.0.0.1/feed\"}");
        assertThat(local.status()).isEqualTo(400);
        assertThat(local.json().get("error").asText()).contains("private");
        assertThat(send("POST", "/api/feeds", "{\"tags\": []}").json().get("error").asText()).contains("url");
        assertThat(send("POST", "/api/feeds", "not json").status()).isEqualTo(400);
        assertThat(send("POST", "/api/feeds", "{\"url\": \"https://a.example/f\", \"intervall\": \"5m\"}")
                .json().get("error").asText()).contains("intervall");
        Reply badInterval = send("POST", "/api/feeds", "{\"url\": \"https://a.example/f\", \"interval\": \"5 parsecs\"}");
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(badInterval.json().get("error").asText()).contains("interval");
        assertThat(send("POST", "/api/feeds", "{\"url\": \"https://a.example/f\", \"interval\": \"10s\"}").status())
                .isEqualTo(400);
        assertThat(send("PATCH", "/api/feeds/" + Ids.feedId("https://a.example/f"), "{}").status()).isEqualTo(400);
    }

    @Test
    void statsRawArchiveAndTakedown() throws Exception {
        store.putArticles(List.of(article(1, "1.0.0", "text", "Alice", "Bob"), article(2, "1.0.0", "text")));
        store.putRawPages(List.of(rawPage(1, T0, "<html>one</html>", false), rawPage(2, T0, "<html>2</html>", false)));

        JsonNode stats = get("/api/stats").json();
        assertThat(stats.get("articles").asLong()).isEqualTo(2);
        assertThat(stats.get("statements").asLong()).isEqualTo(2);
        assertThat(stats.get("rawPages").asLong()).isEqualTo(2);
        assertThat(stats.get("deadLetters").asLong()).isZero();

        Reply raw = get("/api/raw?urlPrefix=" + enc("https://news.example.org/2026/03/story-1"));
        assertThat(raw.json().get("items")).hasSize(1);
        assertThat(raw.json().get("items").get(0).get("contentType").asText()).startsWith("text/html");
        Reply page = get("/api/raw/" + id(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("body").asText()).isEqualTo("<html>one</html>");
        assertThat(page.json().get("headers").get("ETag").asText()).isEqualTo("\"e1\"");

        assertThat(send("DELETE", "/api/articles/" + id(1), null).status()).isEqualTo(204);
        assertThat(get("/api/articles/" + id(1)).status()).isEqualTo(404);
        assertThat(get("/api/raw/" + id(1)).status()).isEqualTo(404);
        assertThat(get("/api/stats").json().get("statements").asLong()).isZero();
        assertThat(get("/api/dead-letters").json().get("items")).isEmpty();
    }

    @Test
    void openApiDescribesEveryRoute() throws Exception {
        Reply doc = get("/api/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asText()).startsWith("3.");
        Set<String> paths = new HashSet<>();
        doc.json().get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/articles", "/api/articles/{articleId}", "/api/statements", "/api/speakers",
                "/api/feeds", "/api/feeds/{feedId}", "/api/stats", "/api/raw", "/api/raw/{articleId}");
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    @Test
    void limitThatIsNotAPositiveIntegerIsRefused() throws Exception {
        for (String limit : List.of("0", "abc", "-1", "1.5", "1e3", "99999999999999999999")) {
            for (String route : List.of("/api/articles", "/api/statements", "/api/speakers", "/api/raw")) {
                Reply reply = get(route + "?limit=" + enc(limit));
                assertThat(reply.status()).as(route + " limit=" + limit).isEqualTo(400);
                assertThat(reply.json().get("error").asText()).contains("limit");
            }
        }
        assertThat(get("/api/articles?limit=").status()).isEqualTo(200);
        assertThat(get("/api/articles?limit=500").status()).isEqualTo(200);
    }

    @Test
    void badParametersGetA400NamingThem() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/articles?since=yesterday", "since");
        cases.put("/api/articles?until=2026-13-45", "until");
        cases.put("/api/statements?since=2026-03-01T25:00:00Z", "since");
        cases.put("/api/statements?kind=rumour", "kind");
        cases.put("/api/articles?cursor=garbage", "cursor");
        cases.put("/api/statements?cursor=" + enc(nextArticleCursor()), "cursor");
        cases.put("/api/articles?q=" + "x".repeat(501), "q");
        cases.put("/api/statements?speaker=" + "x".repeat(201), "speaker");
        cases.put("/api/articles?language=english!", "language");
        cases.put("/api/articles?feed=not-a-feed", "feed");
        cases.put("/api/articles?isArticle=maybe", "isArticle");
        cases.put("/api/articles?since=2026-03-02&until=2026-03-01", "since");
        cases.put("/api/raw?urlPrefix=" + "h".repeat(2001), "urlPrefix");
        cases.put("/api/articles?q=a%00b", "q");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Reply reply = get(c.getKey());
            assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).as(c.getKey()).contains(c.getValue());
        }
    }

    @Test
    void unknownIdsGetA404() throws Exception {
        String unknown = Ids.articleId("https://nowhere.example/x");
        for (String path : List.of("/api/articles/" + unknown, "/api/raw/" + unknown, "/api/articles/nope",
                "/api/no-such-route")) {
            Reply reply = get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().has("error")).isTrue();
        }
        assertThat(send("DELETE", "/api/articles/" + unknown, null).status()).isEqualTo(404);
        assertThat(send("PATCH", "/api/feeds/" + unknown, "{\"paused\": true}").status()).isEqualTo(404);
        assertThat(send("DELETE", "/api/feeds/" + unknown, null).status()).isEqualTo(404);
    }

    @Test
    void injectionAttemptsThroughTheApiAreHarmless() throws Exception {
        store.putArticles(List.of(article(1, "1.0.0", "text", "Alice")));
        for (String attack : List.of("'; DROP TABLE articles; --", "x' OR '1'='1", "%", "title:x OR y")) {
            assertThat(get("/api/articles?q=" + enc(attack)).json().get("items")).isEmpty();
            assertThat(get("/api/statements?speaker=" + enc(attack)).json().get("items")).isEmpty();
            assertThat(get("/api/articles?author=" + enc(attack)).json().get("items")).isEmpty();
        }
        assertThat(get("/api/stats").json().get("articles").asLong()).isEqualTo(1);
    }

    @Test
    void pathTraversalThroughIdsAndParametersReachesNoFile() throws Exception {
        // replay jobs are files in <data>/replays: an id like "../secret" would name a file beside that directory
        Path secret = dir.resolve("secret.json");
        Files.writeString(secret, "{\"id\":\"TOP-SECRET\"}");
        ReplayJobs jobs = new ReplayJobs(store, new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers",
                "127.0.0.1:9"))), dir);
        try (HttpServer withReplays = HttpServer.start("127.0.0.1", 0, List.of(new ReplayApi(jobs)))) {
            List<Reply> replies = new ArrayList<>();
            for (String path : List.of("/api/articles/..%2F..%2F..%2Fetc%2Fpasswd", "/api/raw/..%2Fsecret",
                    "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/articles/../../../../etc/passwd",
                    "/api/feeds/..%2F..%2Fsecret", "/api/raw/....//....//etc/passwd")) {
                replies.add(get(path));
            }
            replies.add(send("DELETE", "/api/articles/..%2Fsecret", null));
            replies.add(send("DELETE", "/api/feeds/..%2F..%2Fsecret", null));
            replies.add(send(withReplays, "GET", "/api/replays/..%2Fsecret", null));
            replies.add(send(withReplays, "GET", "/api/replays/%2e%2e%2fsecret", null));
            replies.add(send(withReplays, "POST", "/api/replays/..%2Fsecret/stop", null));
            replies.add(send(withReplays, "POST", "/api/replays", "{\"resume\": \"../secret\"}"));
            replies.add(send(withReplays, "POST", "/api/replays", "{\"resume\": \"/etc/passwd\"}"));

            assertThat(replies).allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isIn(400, 404);
                assertThat(r.body()).doesNotContain("TOP-SECRET").doesNotContain("root:");
            });
            assertThat(jobs.list()).isEmpty();
        }
        assertThat(Files.readString(secret)).contains("TOP-SECRET");
        // a file: URL is only a prefix to match stored URLs against, never opened
        assertThat(get("/api/raw?urlPrefix=" + enc("file:///etc/passwd")).json().get("items")).isEmpty();
    }

    @Test
    void oversizedParametersAreRefusedAndChangeNothing() throws Exception {
        List<Reply> replies = new ArrayList<>();
        // larger than any header buffer: the server refuses the request line itself
        replies.add(get("/api/articles?q=" + "x".repeat(200_000)));
        replies.add(get("/api/articles/" + "a".repeat(50_000)));
        // within the request line but above what each parameter takes
        replies.add(get("/api/statements?speaker=" + "x".repeat(5_000)));
        replies.add(get("/api/articles?cursor=" + "c".repeat(1_001)));
        replies.add(get("/api/articles?feed=" + enc("https://x.example/" + "f".repeat(2_000))));
        replies.add(get("/api/articles?limit=" + "9".repeat(5_000)));
        replies.add(get("/api/articles?since=" + "2026".repeat(1_000)));
        replies.add(send("DELETE", "/api/feeds?url=" + enc("https://x.example/" + "u".repeat(3_000)), null));
        // bodies: above the server's request size, too many tags, a tag too long, a URL too long
        replies.add(send("POST", "/api/feeds", "{\"url\": \"https://x.example/feed\", \"title\": \""
                + "t".repeat(2_000_000) + "\"}"));
        replies.add(send("POST", "/api/feeds", "{\"url\": \"https://x.example/feed\", \"tags\": ["
                + String.join(",", java.util.Collections.nCopies(10_000, "\"tag\"")) + "]}"));
        replies.add(send("POST", "/api/feeds", "{\"url\": \"https://x.example/feed\", \"tags\": [\""
                + "t".repeat(101) + "\"]}"));
        replies.add(send("POST", "/api/feeds", "{\"url\": \"https://x.example/" + "p".repeat(2_001) + "\"}"));
        replies.add(send("POST", "/api/feeds", "[".repeat(100_000)));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isBetween(400, 499));
        assertThat(get("/api/feeds").json().get("items")).isEmpty();
        assertThat(get("/api/stats").status()).isEqualTo(200);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private String nextArticleCursor() {
        store.putArticles(List.of(article(100, "1.0.0", "a"), article(101, "1.0.0", "b")));
        return store.articles(org.newsline.store.db.ArticleQuery.newest(1)).nextCursor();
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private Reply send(String method, String path, String json) throws IOException, InterruptedException {
        return send(server, method, path, json);
    }

    private Reply send(HttpServer to, String method, String path, String json) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .timeout(Duration.ofSeconds(10));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() || !response.body().startsWith("{") ? null
                : EventCodec.mapper().readTree(response.body());
        return new Reply(response.statusCode(), body, response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Subscriptions written straight to the store, as the Kafka-backed one does through news.feeds. */
    static final class InMemorySubscriptions implements FeedSubscriptions {
        private final ArticleStore store;
        private final Map<String, FeedSubscription> feeds = new LinkedHashMap<>();

        InMemorySubscriptions(ArticleStore store) {
            this.store = store;
        }

        @Override
        public synchronized FeedSubscription subscribe(String url, List<String> tags, Duration interval) {
            if (url.contains("127.0.0.1")) {
                throw new FeedRejectedException(url, FeedRejectedException.Reason.NOT_ALLOWED,
                        url + " is a private or loopback address, which the fetch policy refuses");
            }
            if (url.endsWith(".html")) {
                throw new FeedRejectedException(url, FeedRejectedException.Reason.NOT_A_FEED,
                        url + " is not an RSS or Atom feed (got text/html)");
            }
            FeedSubscription s = FeedSubscription.of(url, null, tags, interval, Instant.now());
            feeds.put(s.feedId(), s);
            store.putFeeds(List.of(FeedChange.of(s)));
            return s;
        }

        @Override
        public synchronized FeedSubscription update(String feedId, FeedPatch patch) {
            FeedSubscription current = feeds.get(feedId);
            if (current == null) {
                throw new UnknownFeedException(feedId);
            }
            FeedSubscription changed = patch.applyTo(current, Instant.now());
            feeds.put(feedId, changed);
            store.putFeeds(List.of(FeedChange.of(changed)));
            return changed;
        }

        @Override
        public synchronized boolean unsubscribe(String feedIdOrUrl) {
            String feedId;
            try {
                feedId = Ids.isId(feedIdOrUrl) ? feedIdOrUrl : Ids.feedId(feedIdOrUrl);
            } catch (InvalidUrlException e) {
                return false;   // as KafkaFeedSubscriptions: neither an id nor a URL, so not subscribed
            }
            if (feeds.remove(feedId) == null) {
                return false;
            }
            store.putFeeds(List.of(FeedChange.tombstone(feedId)));
            return true;
        }
    }
}
