package org.newsline.cli.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Newsline's clean articles from the news.articles topic with plain kafka-clients and Jackson.
 * Usage: java ArticleConsumerExample [BOOTSTRAP_SERVERS] [GROUP_ID]; Ctrl-C stops it.
 */
public class ArticleConsumerExample {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        String group = args.length > 1 ? args[1] : "my-article-reader";
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties(bootstrap, group));
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup(); // makes poll() in consume() throw WakeupException
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (consumer) {
            consume(consumer, article -> System.out.println(article.path("articleId").asText() + "  "
                    + article.path("publishedAt").asText("-") + "  " + article.path("title").asText("")
                    + "  (" + article.path("statementCount").asInt() + " statements)"));
        }
    }

    public static Properties properties(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Newsline writes in transactions: read_committed shows each record exactly once, never an aborted one
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a new group starts with the oldest article still on the topic
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // commit only after handling: a crash re-delivers the last batch instead of losing it
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** Hands every article to the handler until consumer.wakeup() is called; commits after each batch. */
    public static void consume(KafkaConsumer<String, byte[]> consumer, Consumer<JsonNode> handler) {
        consumer.subscribe(List.of("news.articles"));
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    // the key is the articleId; all records of one article are in one partition, in order
                    JsonNode article;
                    try {
                        article = JSON.readTree(record.value());
                    } catch (IOException e) {
                        System.err.println("skipping a record that is not JSON at offset " + record.offset());
                        continue;
                    }
                    if (article.path("schemaVersion").asInt() != 1) {
                        continue; // a version this code was not written for
                    }
                    if (article.path("isArticle").asBoolean()) { // false: a fetched page that is no article
                        handler.accept(article); // upsert by articleId: a re-extraction sends the article again
                    }
                }
                consumer.commitSync();
            }
        } catch (WakeupException stop) {
            // asked to stop; offsets of the batch being handled are not committed and come again next time
        }
    }
}
