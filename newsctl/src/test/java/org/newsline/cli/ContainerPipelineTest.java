package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.cli.demo.DemoSite;
import org.newsline.cli.up.Pipeline;
import org.newsline.events.EventCodec;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The pipeline end to end on containers: Kafka in one (a locally built image declared a substitute for
 * {@code apache/kafka}, running {@code newsctl broker}), the archive on PostgreSQL in another (substitute for
 * {@code postgres}), ingest, extract and store in this JVM, the news site on loopback. Then the broker's
 * container restarts and the pipeline with it: nothing is lost or published twice.
 *
 * <p>Networking: the broker listens and advertises 127.0.0.1 only, so its container runs with host networking
 * on a free loopback port (Testcontainers' port mapping would hand clients an address they cannot reach);
 * PostgreSQL uses the usual port mapping on loopback. Ryuk is off (its image cannot be pulled here): the class
 * stops its containers itself. Skipped, with the reason, without a Docker engine or without the images
 * ({@code scripts/docker-env.sh images}).
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineTest {

    static final String KAFKA_IMAGE = System.getenv().getOrDefault("NEWSLINE_TEST_KAFKA_IMAGE", "newsline/kafka-local:ci");
    static final String PG_IMAGE = System.getenv().getOrDefault("NEWSLINE_TEST_PG_IMAGE", "newsline/postgres-local:15");

    private static GenericContainer<?> kafka;
    private static PostgreSQLContainer postgres;
    private static String bootstrap;

    @TempDir
    Path dataDir;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startContainers() throws Exception {
        requireImage(KAFKA_IMAGE);
        requireImage(PG_IMAGE);
        int port = EmbeddedBroker.freePort();
        bootstrap = "127.0.0.1:" + port;
        kafka = new GenericContainer<>(DockerImageName.parse(KAFKA_IMAGE).asCompatibleSubstituteFor("apache/kafka"))
                .withNetworkMode("host")
                .withCommand("--port", String.valueOf(port))
                .waitingFor(Wait.forLogMessage(".*Kafka broker up at .*\\n", 1)
                        .withStartupTimeout(Duration.ofSeconds(120)));
        postgres = new PostgreSQLContainer(DockerImageName.parse(PG_IMAGE).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("newsline").withUsername("newsline").withPassword("newsline-test");
        Startables.deepStart(kafka, postgres).join();
    }

    @AfterAll
    static void stopContainers() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void feedsFlowThroughTheContainerizedBrokerAndDatabaseExactlyOnceAcrossABrokerRestart() throws Exception {
        String dbUrl = postgres.getJdbcUrl() + (postgres.getJdbcUrl().contains("?") ? "&" : "?")
                + "user=" + postgres.getUsername() + "&password=" + postgres.getPassword();
        try (DemoSite site = DemoSite.start(0)) {
            NewslineConfig config = NewslineConfig.of(Map.of(
                    "bootstrap.servers", bootstrap,
                    "db.url", dbUrl,
                    "data.dir", dataDir.toString(),
                    "http.port", "0",
                    "fetch.allowed.hosts", site.hostAndPort(),
                    "fetch.host.delay", "20ms"));
            long statements;
            try (Pipeline pipeline = Pipeline.start(config, null)) {
                String api = pipeline.apiUrl();
                await("health", () -> get(api + "/health").statusCode() == 200, Duration.ofSeconds(90));
                for (String feed : site.feedUrls()) {
                    HttpResponse<String> r = post(api + "/api/feeds", "{\"url\": \"" + feed + "\"}");
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                }
                await("all demo articles stored", () -> stat(api, "articles") == site.articleCount(),
                        Duration.ofSeconds(90));
                JsonNode trump = json(get(api + "/api/statements?speaker=trump&limit=50"));
                assertThat(trump.get("items")).anySatisfy(s -> assertThat(s.get("quote").asText())
                        .startsWith("We had two or three very short conversations"));
                statements = stat(api, "statements");
                assertThat(statements).isPositive();
                assertPublishedOnce(site.articleCount());
            }

            // the broker's container restarts (its log directory is in the container): the pipeline comes back
            // on it, subscribing again fetches nothing new, and every article is still on the topic once
            kafka.getDockerClient().restartContainerCmd(kafka.getContainerId()).withTimeout(30).exec();
            try (Pipeline again = Pipeline.start(config, null)) {
                String api = again.apiUrl();
                await("health after the broker's restart", () -> get(api + "/health").statusCode() == 200,
                        Duration.ofSeconds(90));
                for (String feed : site.feedUrls()) {
                    assertThat(post(api + "/api/feeds", "{\"url\": \"" + feed + "\"}").statusCode()).isEqualTo(201);
                }
                Thread.sleep(3000);
                assertThat(stat(api, "articles")).isEqualTo(site.articleCount());
                assertThat(stat(api, "statements")).isEqualTo(statements);
                assertThat(stat(api, "rawPages")).isEqualTo(site.articleCount());
                assertPublishedOnce(site.articleCount());
            }
        }
    }

    private static void requireImage(String image) {
        boolean present;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            present = true;
        } catch (RuntimeException e) {
            present = false;
        }
        String message = "container tests skipped: image " + image + " is missing (build it with scripts/docker-env.sh images)";
        if (!present && Boolean.parseBoolean(System.getenv("NEWSLINE_REQUIRE_CONTAINERS"))) {
            throw new IllegalStateException(message);
        }
        assumeTrue(present, message);
    }

    private void assertPublishedOnce(int articles) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : readCommitted(Topic.ARTICLES)) {
            assertThat(ids.add(r.key())).as("article %s published once", r.key()).isTrue();
        }
        assertThat(ids).hasSize(articles);
    }

    private long stat(String api, String field) {
        try {
            HttpResponse<String> r = get(api + "/api/stats");
            return r.statusCode() == 200 ? json(r).path(field).asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return EventCodec.mapper().readTree(r.body());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(String what, Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
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

    private static List<ConsumerRecord<String, byte[]>> readCommitted(Topic topic) {
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", bootstrap)));
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> tps = c.partitionsFor(topic.baseName()).stream()
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
