package org.newsline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    static final Instant T = Instant.parse("2026-11-25T10:15:30Z");

    static Article sampleArticle() {
        String id = Ids.articleId("https://example.com/a");
        Statement s = new Statement(1, Ids.statementId(id, "1.0", 5, 20, StatementKind.DIRECT), id,
                "https://example.com/a", "1.0", 0, "We talked about Syria", "Trump", "President Trump", "said",
                StatementKind.DIRECT, 5, 20, T);
        return new Article(1, id, "https://example.com/a", "https://example.com/a-canonical", "feed", T, T, "1.0",
                true, "Title", List.of("Jane Doe"), T, null, "en", "Example", "desc", null, "World", List.of("syria"),
                "text", "<p>text</p>", 1, Ids.contentHash("text"), 1, List.of(s));
    }

    @Test
    void roundTripsEveryEventType() {
        Article a = sampleArticle();
        assertThat(EventCodec.decode(EventCodec.encode(a), Article.class)).isEqualTo(a);
        FeedSubscription sub = FeedSubscription.of("https://example.com/feed", "t", List.of("x"), Duration.ofMinutes(15), T);
        assertThat(EventCodec.decode(EventCodec.encode(sub), FeedSubscription.class)).isEqualTo(sub);
        RawPage raw = new RawPage(1, a.articleId(), a.url(), a.url(), "f", new FeedItem("t", a.url(), "g", T, "au", "s"),
                T, 200, Map.of("content-type", "text/html"), "UTF-8", "<html>é</html>", false);
        assertThat(EventCodec.decode(EventCodec.encode(raw), RawPage.class)).isEqualTo(raw);
        FeedState state = FeedState.initial("f", "https://example.com/feed");
        assertThat(EventCodec.decode(EventCodec.encode(state), FeedState.class)).isEqualTo(state);
    }

    @Test
    void equalEventsEncodeToEqualBytes() {
        // found by EventCodecFuzzTest: headers came out in the iteration order of an immutable map, which depends on
        // the order the keys went in when their hashes collide ("Aa" and "BB" have the same hash code)
        Map<String, String> oneWay = new java.util.LinkedHashMap<>();
        oneWay.put("Aa", "1");
        oneWay.put("BB", "2");
        Map<String, String> otherWay = new java.util.LinkedHashMap<>();
        otherWay.put("BB", "2");
        otherWay.put("Aa", "1");
        RawPage a = new RawPage(1, "id", "https://example.com/a", null, "f", null, T, 200, oneWay, "UTF-8", "b", false);
        RawPage b = new RawPage(1, "id", "https://example.com/a", null, "f", null, T, 200, otherWay, "UTF-8", "b", false);

        assertThat(a).isEqualTo(b);
        assertThat(new String(EventCodec.encode(a), StandardCharsets.UTF_8))
                .isEqualTo(new String(EventCodec.encode(b), StandardCharsets.UTF_8))
                .contains("\"headers\":{\"Aa\":\"1\",\"BB\":\"2\"}");
    }

    @Test
    void writesTheDocumentedWireFormat() throws Exception {
        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(sampleArticle()));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("isArticle").asBoolean()).isTrue();
        assertThat(json.get("fetchedAt").asText()).isEqualTo("2026-11-25T10:15:30Z");
        assertThat(json.get("statements").get(0).get("kind").asText()).isEqualTo("direct");
        JsonNode sub = EventCodec.mapper().readTree(EventCodec.encode(
                FeedSubscription.of("https://example.com/feed", null, List.of(), Duration.ofMinutes(15), T)));
        assertThat(sub.get("interval").asText()).isEqualTo("PT15M");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String json = new String(EventCodec.encode(sampleArticle()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedInAFutureVersion\":{\"x\":1},");
        assertThat(EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), Article.class)).isEqualTo(sampleArticle());
    }

    @Test
    void rejectsNewerSchemaVersionsMalformedJsonAndMissingVersion() {
        assertThatThrownBy(() -> EventCodec.decode("{\"schemaVersion\":2}".getBytes(), Article.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("unsupported schemaVersion 2");
        assertThatThrownBy(() -> EventCodec.decode("{\"schemaVersion\":".getBytes(), Article.class))
                .isInstanceOf(EventDecodingException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> EventCodec.decode("{\"articleId\":\"x\"}".getBytes(), Article.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> EventCodec.decode("[1,2]".getBytes(), Article.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EventCodec.decode("{\"schemaVersion\":1,\"status\":\"abc\"}".getBytes(), RawPage.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("not a valid RawPage");
    }

    @Test
    void encodedArticlesAndStatementsMatchTheirJsonSchemas() throws Exception {
        Article a = sampleArticle();
        assertThat(validate(Schemas.ARTICLES, EventCodec.encode(a))).isEmpty();
        assertThat(validate(Schemas.STATEMENTS, EventCodec.encode(a.statements().get(0)))).isEmpty();
        // and the schemas do reject what breaks the contract
        String broken = new String(EventCodec.encode(a), StandardCharsets.UTF_8).replace("\"kind\":\"direct\"", "\"kind\":\"rumour\"");
        assertThat(validate(Schemas.ARTICLES, broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    /** Validation errors of {@code json} against one of our schemas (empty when valid). */
    public static Set<ValidationMessage> validate(String schemaResource, byte[] json) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://newsline.org/schemas/", "classpath:schemas/")));
        JsonSchema schema = factory.getSchema(SchemaLocation.of("https://newsline.org/schemas/"
                + schemaResource.substring(schemaResource.lastIndexOf('/') + 1)));
        return schema.validate(EventCodec.mapper().readTree(json));
    }
}
