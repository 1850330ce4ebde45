package org.newsline.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsline.cli.SharedPipelineAccess;

/** The README's consumer example, run against the real broker, and kept identical to the README's copy. */
class ArticleConsumerExampleTest {

    static final Path SOURCE = Path.of("src/test/java/org/newsline/cli/examples/ArticleConsumerExample.java");
    static final Path README = Path.of("..", "README.md");

    @Test
    @Tag("integration")
    @ExtendWith(SharedPipelineAccess.class)
    void readsTheArticlesThePipelineProduced() throws Exception {
        List<JsonNode> articles = new CopyOnWriteArrayList<>();
        int expected = SharedPipelineAccess.articleCount();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ArticleConsumerExample.properties(
                SharedPipelineAccess.bootstrap(), "example-" + UUID.randomUUID()));
        try (consumer) {
            CompletableFuture<Void> running = CompletableFuture.runAsync(() ->
                    ArticleConsumerExample.consume(consumer, articles::add));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (articles.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            consumer.wakeup();
            running.get(10, TimeUnit.SECONDS);
        }
        assertThat(articles).hasSize(expected);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (JsonNode a : articles) {
            assertThat(ids.add(a.path("articleId").asText())).isTrue();
            assertThat(a.path("title").asText()).isNotEmpty();
        }
    }

    @Test
    void theReadmeShowsTheExampleAsItIsCompiled() throws Exception {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String body = source.substring(source.indexOf("import ")).stripTrailing();
        assertThat(body).as("the example uses no Newsline classes").doesNotContain("org.newsline");
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(readme).as("README.md contains ArticleConsumerExample.java from its first import on, verbatim")
                .contains("```java\n" + body + "\n```");
    }
}
