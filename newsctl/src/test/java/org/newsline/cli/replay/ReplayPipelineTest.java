package org.newsline.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.cli.Newsctl;
import org.newsline.cli.demo.DemoSite;
import org.newsline.cli.up.Pipeline;
import org.newsline.events.Article;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Statement;
import org.newsline.events.Topic;
import org.newsline.extract.Extractor;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.store.db.ArticleQuery;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.Page;
import org.newsline.store.db.StatementQuery;
import org.newsline.store.db.Stats;

/**
 * Replays on the whole pipeline and a real broker. The demo site is ingested with extractor version 0.2.0,
 * then the pipeline restarts with version 0.3.0 (the "improved" extractor) and the tests replay in order:
 * raw pages, the same again, a stopped and resumed replay, dead letters, and a WARC export imported into a
 * fresh pipeline.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayPipelineTest {

    static final String OLD = "0.2.0";
    static final String NEW = "0.3.0";

    @TempDir
    static Path dataDir;

    static DemoSite site;
    static Pipeline pipeline;
    static NewslineConfig config;
    static Stats ingested;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void ingestTheDemoSiteWithTheOldExtractorThenRestartWithTheNewOne() throws Exception {
        site = DemoSite.start(0);
        config = NewslineConfig.of(Map.of("data.dir", dataDir.toString(), "http.port", "0",
                "fetch.allowed.hosts", site.hostAndPort(), "fetch.host.delay", "20ms"));
        try (Pipeline old = Pipeline.start(config, 0, new Extractor(OLD))) {
            String api = old.apiUrl();
            await("health", () -> status(api + "/health") == 200, 60);
            for (String feed : site.feedUrls()) {
                assertThat(post(api + "/api/feeds", "{\"url\": \"" + feed + "\"}").statusCode()).isEqualTo(201);
            }
            await("demo articles stored", () -> old.store().stats().articles() == site.articleCount(), 60);
            ingested = old.store().stats();
            assertThat(versions(old.store())).containsOnly(OLD);
        }
        pipeline = Pipeline.start(config, 0, new Extractor(NEW));
        await("health after restart", () -> status(pipeline.apiUrl() + "/health") == 200, 60);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void replayOfRawPagesStoresTheNewVersionWithoutDuplicates() throws Exception {
        int exit = Newsctl.run("replay", "raw", "--api", pipeline.apiUrl(), "--bootstrap-servers",
                pipeline.bootstrapServers());
        assertThat(exit).isZero();
        await("every article re-extracted", () -> versions(pipeline.store()).equals(Set.of(NEW)), 60);

        Stats after = pipeline.store().stats();
        assertThat(after.articles()).isEqualTo(ingested.articles());
        assertThat(after.nonArticles()).isEqualTo(ingested.nonArticles());
        assertThat(after.rawPages()).as("replayed pages are not archived again").isEqualTo(ingested.rawPages());
        assertThat(after.statements()).isEqualTo(ingested.statements());
        List<Statement> statements = allStatements(pipeline.store());
        assertThat(statements).extracting(Statement::extractorVersion).containsOnly(NEW);
        assertThat(statements.stream().map(Statement::statementId).distinct().count())
                .isEqualTo(statements.size());
    }

    @Test
    @Order(2)
    void aReplayWithTheSameVersionChangesNoCounts() throws Exception {
        Stats before = pipeline.store().stats();
        Instant start = Instant.now();
        assertThat(Newsctl.run("replay", "raw", "--api", pipeline.apiUrl())).isZero();
        await("every article extracted again", () -> allArticles(pipeline.store()).stream()
                .allMatch(a -> a.extractedAt().isAfter(start)), 60);
        assertThat(pipeline.store().stats()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void statementsAndArticlesReplayToANamedTopicInTheirOrderPerArticle() throws Exception {
        assertThat(Newsctl.run("replay", "statements", "--to-topic", "replayed.statements", "--api",
                pipeline.apiUrl())).isZero();
        assertThat(Newsctl.run("replay", "articles", "--to-topic", "replayed.articles", "--api",
                pipeline.apiUrl())).isZero();
        List<Statement> stored = allStatements(pipeline.store());
        Map<String, List<Integer>> indexes = new HashMap<>();
        int n = 0;
        for (ConsumerRecord<String, byte[]> r : readCommitted(pipeline.bootstrapServers(), "replayed.statements")) {
            Statement s = EventCodec.decode(r.value(), Statement.class);
            assertThat(r.key()).isEqualTo(s.articleId());
            indexes.computeIfAbsent(s.articleId(), k -> new ArrayList<>()).add(s.index());
            n++;
        }
        assertThat(n).isEqualTo(stored.size());
        indexes.values().forEach(list -> assertThat(list).isSorted());
        List<ConsumerRecord<String, byte[]>> articles = readCommitted(pipeline.bootstrapServers(), "replayed.articles");
        assertThat(articles).hasSize((int) (ingested.articles() + ingested.nonArticles()));
        for (ConsumerRecord<String, byte[]> r : articles) {
            Article a = EventCodec.decode(r.value(), Article.class);
            assertThat(a.statements()).hasSize(a.statementCount());
            assertThat(a.html()).isNotNull();
        }
    }

    @Test
    @Order(4)
    void aStoppedReplayResumesWithoutRepeatsOrSkips() throws Exception {
        // 130 small pages: three chunks, published slowly enough to stop in the middle
        List<RawPage> pages = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            String url = "https://resume.example/story-" + i;
            pages.add(new RawPage(1, Ids.articleId(url), url, url, null, null, Instant.now().minusSeconds(60 + i),
                    200, Map.of("content-type", "text/html"), "UTF-8",
                    "<html><body><p>Story " + i + " was short.</p></body></html>", false));
        }
        pipeline.store().putRawPages(pages);
        String api = pipeline.apiUrl();
        String id = EventCodec.mapper().readTree(post(api + "/api/replays",
                "{\"kind\": \"raw\", \"urlPrefix\": \"https://resume.example/\", \"rate\": 60, \"maxLag\": 0}")
                .body()).get("id").asText();
        await("a chunk committed", () -> replay(api, id).path("counts").path("published").asLong() >= 50, 30);
        assertThat(post(api + "/api/replays/" + id + "/stop", "{}").statusCode()).isEqualTo(202);
        await("stopped", () -> replay(api, id).path("state").asText().equals("STOPPED"), 30);
        long publishedWhenStopped = replay(api, id).path("counts").path("published").asLong();
        assertThat(publishedWhenStopped).isBetween(50L, 129L);

        int exit = Newsctl.run("replay", "raw", "--resume", id, "--api", api);
        assertThat(exit).isZero();
        var done = replay(api, id);
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("counts").path("read").asLong()).isEqualTo(130);
        assertThat(done.path("counts").path("published").asLong()).isEqualTo(130);

        List<String> keys = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readCommitted(pipeline.bootstrapServers(), Topic.RAW)) {
            Header job = r.headers().lastHeader("newsline-replay-job");
            if (job != null && new String(job.value(), StandardCharsets.UTF_8).equals(id)) {
                keys.add(r.key());
                assertThat(EventCodec.decode(r.value(), RawPage.class).replay()).isTrue();
                assertThat(new String(r.headers().lastHeader("newsline-replay").value(), StandardCharsets.UTF_8))
                        .isEqualTo("true");
            }
        }
        assertThat(keys).hasSize(130);
        assertThat(new HashSet<>(keys)).isEqualTo(pages.stream().map(RawPage::articleId).collect(Collectors.toSet()));
    }

    @Test
    @Order(5)
    void deadLettersReplayedAreProcessed() throws Exception {
        String url = "https://dead-letter.example/story";
        RawPage page = new RawPage(1, Ids.articleId(url), url, url, null, null, Instant.now(), 200,
                Map.of("content-type", "text/html"), "UTF-8",
                "<html><body><article><p>\u201cIt failed once,\u201d said Jane Doe.</p></article></body></html>", false);
        byte[] payload = EventCodec.encode(page);
        DeadLetter letter = new DeadLetter(1, "extract", "a bug since fixed", Topic.RAW.baseName(), 0, 42,
                page.articleId(), new String(payload, StandardCharsets.UTF_8), payload.length, Instant.now());
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers",
                pipeline.bootstrapServers())));
        try (KafkaProducer<String, byte[]> producer = clients.producer(null)) {
            producer.send(new ProducerRecord<>(Topic.DEAD_LETTER.baseName(), page.articleId(), EventCodec.encode(letter)))
                    .get();
        }
        await("dead letter stored", () -> pipeline.store().deadLetters("extract", null, 10, null).items().size() == 1, 30);
        assertThat(pipeline.store().article(page.articleId())).isEmpty();

        assertThat(Newsctl.run("dead-letter", "list", "--stage", "extract", "--api", pipeline.apiUrl())).isZero();
        assertThat(Newsctl.run("replay", "dead-letter", "--stage", "extract", "--api", pipeline.apiUrl())).isZero();
        await("the replayed page is stored", () -> pipeline.store().article(page.articleId()).isPresent(), 30);
    }

    @Test
    @Order(6)
    void aWarcExportImportedIntoAFreshPipelineGivesTheSameArticles(@TempDir Path other) throws Exception {
        Path warc = other.resolve("demo.warc.gz");
        assertThat(Newsctl.run("archive", "export", "--warc", warc.toString(), "--url-prefix", site.baseUrl(),
                "--api", pipeline.apiUrl())).isZero();
        assertThat(Files.size(warc)).isPositive();
        Map<String, String> expected = texts(pipeline.store());
        pipeline.close();
        pipeline = null;

        NewslineConfig fresh = NewslineConfig.of(Map.of("data.dir", other.resolve("data").toString(),
                "http.port", "0"));
        try (Pipeline second = Pipeline.start(fresh, 0, new Extractor(NEW))) {
            await("health", () -> status(second.apiUrl() + "/health") == 200, 60);
            assertThat(Newsctl.run("archive", "import", warc.toString(), "--bootstrap-servers",
                    second.bootstrapServers())).isZero();
            await("imported articles stored", () -> second.store().stats().articles() == ingested.articles()
                    && second.store().stats().nonArticles() == ingested.nonArticles(), 60);
            assertThat(texts(second.store())).isEqualTo(expected);
            assertThat(second.store().stats().statements()).isEqualTo(ingested.statements());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** articleId to title and text of the demo site's articles. */
    static Map<String, String> texts(ArticleStore store) {
        Map<String, String> out = new HashMap<>();
        for (Article a : allArticles(store)) {
            if (a.url().startsWith(site.baseUrl())) {
                out.put(a.articleId(), a.title() + "\n" + a.text());
            }
        }
        return out;
    }

    static Set<String> versions(ArticleStore store) {
        return allArticles(store).stream().map(Article::extractorVersion).collect(Collectors.toSet());
    }

    static List<Article> allArticles(ArticleStore store) {
        List<Article> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Article> page = store.articles(ArticleQuery.newest(500).withIsArticle(null).withCursor(cursor));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    static List<Statement> allStatements(ArticleStore store) {
        List<Statement> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Statement> page = store.statements(StatementQuery.newest(500).withCursor(cursor));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    static com.fasterxml.jackson.databind.JsonNode replay(String api, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/replays/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return EventCodec.mapper().readTree(r.body());
    }

    static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(String what, Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrap, Topic topic) {
        return readCommitted(bootstrap, topic.baseName());
    }

    static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrap, String topic) {
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", bootstrap)));
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
