package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsline.events.EventCodec;
import org.newsline.events.Ids;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;

/** {@code newsctl consume} on the real broker, reading what the pipeline produced from the demo site. */
@Tag("integration")
@ExtendWith(SharedPipeline.class)
class ConsumeCommandTest {

    final SharedPipeline p = SharedPipeline.get();

    @Test
    void printsEveryValueExactlyAsOnTheTopicAndStopsAtTheEnd() {
        List<String> onTopic = values(Topic.ARTICLES);
        assertThat(onTopic).hasSize(p.demo.articleCount());
        byte[] printed = Cli.runForBytes("consume", "news.articles", "--bootstrap-servers", p.bootstrap());
        assertThat(lines(printed)).containsExactlyInAnyOrderElementsOf(onTopic);
        // the short name works too
        assertThat(lines(Cli.runForBytes("consume", "statements", "--format", "json", "--bootstrap-servers", p.bootstrap())))
                .containsExactlyInAnyOrderElementsOf(values(Topic.STATEMENTS));
    }

    @Test
    void fromATimeRewindsByTimestamp() {
        assertThat(run("consume", "news.articles", "--from", "15m-ago").lines()).hasSize(p.demo.articleCount());
        assertThat(run("consume", "news.articles", "--from", Instant.now().minusSeconds(3600).toString()).lines())
                .hasSize(p.demo.articleCount());
        Cli.Result future = run("consume", "news.articles", "--from", Instant.now().plusSeconds(3600).toString());
        assertThat(future.exit()).isZero();
        assertThat(future.out()).isEmpty();
        Cli.Result end = run("consume", "news.articles", "--from", "end");
        assertThat(end.exit()).isZero();
        assertThat(end.out()).isEmpty();
    }

    @Test
    void maxStopsAfterNRecords() {
        Cli.Result r = run("consume", "news.articles", "--max", "2");
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(2);
    }

    @Test
    void speakerKeepsTheirStatementsAndTheArticlesWithThem() throws Exception {
        List<String> all = values(Topic.STATEMENTS);
        long trump = 0;
        for (String s : all) {
            JsonNode n = EventCodec.mapper().readTree(s);
            if ((n.path("speaker").asText() + " " + n.path("speakerCanonical").asText()).toLowerCase().contains("trump")) {
                trump++;
            }
        }
        assertThat(trump).isPositive().isLessThan(all.size());
        Cli.Result r = run("consume", "news.statements", "--speaker", "trump");
        assertThat(r.lines()).hasSize((int) trump);

        Cli.Result articles = run("consume", "news.articles", "--speaker", "Trump");
        assertThat(articles.lines()).isNotEmpty().hasSizeLessThan(p.demo.articleCount());
        for (String line : articles.lines()) {
            assertThat(EventCodec.mapper().readTree(line).path("statements").toString()).contains("Trump");
        }
    }

    @Test
    void feedKeepsTheRecordsOfOneFeed() throws Exception {
        int total = 0;
        for (String feed : p.demo.feedUrls()) {
            Cli.Result r = run("consume", "news.articles", "--feed", feed);
            assertThat(r.exit()).isZero();
            for (String line : r.lines()) {
                assertThat(EventCodec.mapper().readTree(line).path("feedId").asText()).isEqualTo(Ids.feedId(feed));
            }
            total += r.lines().size();
        }
        assertThat(total).isEqualTo(p.demo.articleCount());
        Cli.Result subscription = run("consume", "news.feeds", "--feed", Ids.feedId(p.demo.feedUrls().get(0)));
        assertThat(subscription.lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains(p.demo.feedUrls().get(0)));
    }

    @Test
    void prettyShowsKeyPartitionAndOffset() {
        Cli.Result r = run("consume", "news.articles", "--format", "pretty", "--max", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.lines().get(0)).matches("# news\\.articles partition \\d+ offset \\d+ key [0-9a-f]{32} at .*Z");
        assertThat(r.lines().get(1)).isEqualTo("{");
    }

    @Test
    void followPrintsNewRecordsAsTheyComeAndMaxEndsIt() throws Exception {
        CompletableFuture<Cli.Result> follow = CompletableFuture.supplyAsync(() ->
                run("consume", "news.feeds", "--from", "end", "--follow", "--max", "1"));
        Thread.sleep(1500);
        assertThat(follow).isNotDone();
        String url = p.feeds.feed("followed");
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(p.api() + "/api/feeds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + url + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Cli.Result r = follow.get(30, TimeUnit.SECONDS);
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(1);
        assertThat(EventCodec.mapper().readTree(r.lines().get(0)).path("url").asText()).isEqualTo(url);
    }

    @Test
    void badArgumentsAreOneLineOnStderr() {
        assertError(run("consume", "news.articles", "--from", "yesterday"),
                "newsctl: --from: expected beginning, end, " + TimeArg.FORMS + ", got 'yesterday'");
        assertError(run("consume", "news.nope"), "newsctl: no such topic: news.nope (topics: ");
        assertError(run("consume", "news.raw", "--speaker", "x"),
                "newsctl: --speaker applies to news.articles and news.statements only");
        assertError(run("consume", "news.statements", "--feed", Ids.feedId(p.demo.feedUrls().get(0))),
                "newsctl: --feed: records of news.statements carry no feedId");
        assertError(run("consume", "news.articles", "--max", "0"), "newsctl: --max must be a positive number, got 0");
        Cli.Result format = run("consume", "news.articles", "--format", "xml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("xml");
    }

    @Test
    void anUnreachableBrokerIsReportedAfterTheTimeout() throws Exception {
        String dead = "127.0.0.1:" + ClosedPort.find();
        Cli.Result r = Cli.run("consume", "news.articles", "--bootstrap-servers", dead, "--timeout", "2s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("newsctl: cannot reach Kafka at " + dead
                + " within 2s; is `newsctl up` running? Use --bootstrap-servers to point elsewhere.\n");
    }

    /** Ctrl-C (SIGINT) in a real process: it stops promptly, every line printed is whole, and no stack trace. */
    @Test
    void ctrlCStopsAFollowingConsumerCleanly() throws Exception {
        assumeThat(System.getProperty("os.name").toLowerCase()).as("needs kill -INT").doesNotContain("win");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a quick-starting JVM: this one only reads a few records
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                Newsctl.class.getName(), "consume", "news.articles", "--follow", "--bootstrap-servers", p.bootstrap())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < p.demo.articleCount(); i++) {
                String line = out.readLine();
                assertThat(line).as("line %d of a following consumer", i).isNotNull();
                lines.add(line);
            }
            Thread.sleep(500);
            assertThat(process.isAlive()).as("--follow keeps reading at the end").isTrue();
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor()).isZero();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of Ctrl-C").isTrue();
            String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rest).isEmpty();
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
            for (String line : lines) {
                assertThat(EventCodec.mapper().readTree(line).path("articleId").asText()).hasSize(32);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private Cli.Result run(String... args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.addAll(List.of("--bootstrap-servers", p.bootstrap()));
        return Cli.run(a.toArray(String[]::new));
    }

    private static void assertError(Cli.Result r, String prefix) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(prefix).hasLineCount(1);
    }

    private static List<String> lines(byte[] printed) {
        String s = new String(printed, StandardCharsets.UTF_8);
        assertThat(s).endsWith("\n");
        return Arrays.asList(s.substring(0, s.length() - 1).split("\n", -1));
    }

    /** The values on a topic, read independently with a plain read_committed consumer. */
    private List<String> values(Topic topic) {
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", p.bootstrap())));
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> tps = c.partitionsFor(topic.baseName()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
