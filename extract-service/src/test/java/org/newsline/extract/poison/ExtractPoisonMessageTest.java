package org.newsline.extract.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.Article;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedItem;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.extract.ExtractService;
import org.newsline.extract.Extractor;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import org.newsline.runtime.testing.PoisonRecords;

/**
 * Poison on {@code news.raw}, on a real broker: each record goes to {@code news.dead-letter} with its reason,
 * and a good page behind it is still extracted.
 */
@Tag("integration")
class ExtractPoisonMessageTest {

    static EmbeddedBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.startTemporary();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void poisonOnNewsRawIsDeadLetteredAndTheGoodPageIsExtracted() throws Exception {
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "topic.prefix", "raw.", "instance.id", "poison")));
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(60));
        String topic = Topic.RAW.name("raw.");
        String url = "https://news.example.org/2026/harbor.html";
        String html = "<html><head><title>Harbor bridge</title></head><body><article><h1>Harbor bridge</h1>"
                + "<p>\"We will rebuild the harbor bridge by spring,\" said Mayor Jane Alvarez on Tuesday, "
                + "as the council met to discuss the cost of the work and its effect on the neighbourhood.</p>"
                + "</article></body></html>";
        RawPage good = new RawPage(1, Ids.articleId(url), url, url, "feed",
                new FeedItem("Harbor bridge", url, null, null, null, null), Instant.now(), 200,
                Map.of("content-type", "text/html"), "UTF-8", html, false);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(
                PoisonRecords.of(topic, good.articleId(), EventCodec.encode(good)));
        records.add(new ProducerRecord<>(topic, good.articleId(), EventCodec.encode(good)));
        PoisonRecords.send(clients, records);

        try (ExtractService service = new ExtractService(clients, new Extractor(), new SimpleMeterRegistry())) {
            service.start();
            List<Article> articles = PoisonRecords.read(clients, Topic.ARTICLES, 1, r -> true).stream()
                    .map(r -> EventCodec.decode(r.value(), Article.class)).toList();
            assertThat(articles).extracting(Article::articleId).containsExactly(good.articleId());
            PoisonRecords.assertDeadLettered(clients, topic);
        }
    }
}
