package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.cli.demo.DemoSite;
import org.newsline.cli.up.Pipeline;
import org.newsline.events.EventCodec;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * The whole pipeline on a real broker: feeds served by a loopback HTTP server, through ingest, extract and
 * store, to rows behind the API and JSON on the topics; then a restart on the same data directory.
 */
@Tag("integration")
class PipelineEndToEndTest {

    @TempDir
    Path dataDir;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void feedsFlowToTheStoreAndTheTopicsExactlyOnceAndSurviveARestart() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            NewslineConfig config = NewslineConfig.of(Map.of(
                    "data.dir", dataDir.toString(),
                    "http.port", "0",
                    "fetch.allowed.hosts", site.hostAndPort(),
                    "fetch.host.delay", "20ms"));
            String bootstrap;
            try (Pipeline pipeline = Pipeline.start(config, 0)) {
                String api = pipeline.apiUrl();
                bootstrap = pipeline.bootstrapServers();
                await("health", () -> get(api + "/health").statusCode() == 200, Duration.ofSeconds(60));
                for (String feed : site.feedUrls()) {
                    HttpResponse<String> r = post(api + "/api/feeds", "{\"url\": \"" + feed + "\"}");
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                }
                await("all demo articles stored", () -> stat(api, "articles") == site.articleCount(), Duration.ofSeconds(60));

                JsonNode articles = json(get(api + "/api/articles?limit=50"));
                assertThat(articles.get("items")).hasSize(site.articleCount());
                JsonNode seed = null;
                for (JsonNode a : articles.get("items")) {
                    if (a.path("title").asText().startsWith("Trump, Putin")) {
                        seed = a;
                    }
                }
                assertThat(seed).as("the seed article is stored").isNotNull();
                JsonNode full = json(get(api + "/api/articles/" + seed.get("articleId").asText()));
                String text = full.get("text").asText();
                assertThat(text).contains("The statement addressed the ongoing fight against the Islamic State")
                        .contains("\n\n")
                        .doesNotContain("Leave a Reply").doesNotContain("Fill in your details")
                        .doesNotContain("Connecting to").doesNotContain("Most read");
                assertThat(full.get("isArticle").asBoolean()).isTrue();

                JsonNode trump = json(get(api + "/api/statements?speaker=trump&limit=50"));
                assertThat(trump.get("items")).anySatisfy(s ->
                        assertThat(s.get("quote").asText()).startsWith("We had two or three very short conversations"));

                assertThat(get(api + "/api/articles?limit=0").statusCode()).isEqualTo(400);
                assertThat(get(api + "/api/articles?limit=abc").statusCode()).isEqualTo(400);

                // the topics: each article exactly once (the seed is in both feeds), valid against the schema
                List<ConsumerRecord<String, byte[]>> onTopic = readCommitted(bootstrap, Topic.ARTICLES);
                Set<String> ids = new HashSet<>();
                JsonSchema articleSchema = schema("news.articles.schema.json");
                for (ConsumerRecord<String, byte[]> r : onTopic) {
                    assertThat(ids.add(r.key())).as("article %s published once", r.key()).isTrue();
                    assertThat(articleSchema.validate(EventCodec.mapper().readTree(r.value()))).isEmpty();
                }
                assertThat(ids).hasSize(site.articleCount());
                JsonSchema statementSchema = schema("news.statements.schema.json");
                List<ConsumerRecord<String, byte[]>> statements = readCommitted(bootstrap, Topic.STATEMENTS);
                assertThat(statements).isNotEmpty();
                for (ConsumerRecord<String, byte[]> r : statements) {
                    assertThat(statementSchema.validate(EventCodec.mapper().readTree(r.value()))).isEmpty();
                }
                assertThat(stat(api, "statements")).isEqualTo(statements.size());
                assertThat(stat(api, "rawPages")).isEqualTo(site.articleCount());
            }

            // restart on the same data directory, other ports: the archive is there and nothing is fetched twice
            try (Pipeline again = Pipeline.start(config, 0)) {
                String api = again.apiUrl();
                await("health after restart", () -> get(api + "/health").statusCode() == 200, Duration.ofSeconds(60));
                for (String feed : site.feedUrls()) {
                    assertThat(post(api + "/api/feeds", "{\"url\": \"" + feed + "\"}").statusCode()).isEqualTo(201);
                }
                Thread.sleep(3000);
                assertThat(stat(api, "articles")).isEqualTo(site.articleCount());
                assertThat(readCommitted(again.bootstrapServers(), Topic.ARTICLES)).hasSize(site.articleCount());
            }
        }
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

    private static JsonSchema schema(String name) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://newsline.org/schemas/", "classpath:schemas/")));
        return factory.getSchema(SchemaLocation.of("https://newsline.org/schemas/" + name));
    }

    private static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrap, Topic topic) {
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
