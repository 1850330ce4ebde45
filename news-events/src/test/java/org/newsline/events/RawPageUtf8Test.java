package org.newsline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Raw pages with their bodies as UTF-8 bytes: the same JSON as the String route, both ways. */
class RawPageUtf8Test {

    static final Instant T = Instant.parse("2026-11-25T10:15:30Z");

    static final List<String> BODIES = List.of(
            "",
            "<html>plain ASCII</html>",
            "quotes \" and backslashes \\ and a slash / and \\\" together",
            "controls \u0000 \u0001 \b \t \n \f \r \u001f and DEL \u007f",
            "Latin é ñ ü, CJK 中文, Cyrillic Привет, RTL שלום, line separator \u2028 and BOM \ufeff",
            "astral 😀 𝄞 at the end 😀",
            "<script>var s = \"</script>\";</script>" + "x".repeat(70_000) + "é".repeat(40_000));

    static RawPage page(String body) {
        return new RawPage(1, Ids.articleId("https://example.com/a"), "https://example.com/a",
                "https://example.com/a?x=\"1\"", "feed", new FeedItem("T \"q\" é", "https://example.com/a", "g", T,
                "au", "summary 😀"), T, 200, Map.of("content-type", "text/html; charset=utf-8"), "UTF-8", body,
                false);
    }

    @Test
    void encodesBodyBytesExactlyAsTheStringRoute() {
        for (String body : BODIES) {
            RawPage p = page(body);
            byte[] viaString = EventCodec.encode(p);
            byte[] viaBytes = EventCodec.encodeRawPage(page("ignored"), body.getBytes(StandardCharsets.UTF_8));
            assertThat(new String(viaBytes, StandardCharsets.UTF_8)).isEqualTo(new String(viaString,
                    StandardCharsets.UTF_8));
        }
        assertThat(EventCodec.encodeRawPage(page("ignored"), null)).isEqualTo(EventCodec.encode(page(null)));
    }

    @Test
    void escapesEveryCharacterThatNeedsItAtEveryPositionInAWord() {
        // plain runs are scanned eight bytes at a time: each special character in each lane, and next to
        // bytes of multi-byte sequences (0x80 and up), which must never be taken for one
        String specials = "\"\\\u0000\u0001\b\t\n\f\r\u001f";
        for (int cp : (specials + "\u007f\u0080é中😀").codePoints().toArray()) {
            String c = Character.toString(cp);
            for (int at = 0; at < 20; at++) {
                String body = "x".repeat(at) + c + "é".repeat(at % 5) + "tail of plain text" + c;
                assertThat(EventCodec.encodeRawPage(page("ignored"), body.getBytes(StandardCharsets.UTF_8)))
                        .as("character %04x at %d", cp, at).isEqualTo(EventCodec.encode(page(body)));
            }
        }
    }

    @Test
    void decodesBodyBytesExactlyAsTheStringRoute() {
        for (String body : BODIES) {
            RawPage p = page(body);
            RawPageUtf8 d = EventCodec.decodeRawPage(EventCodec.encode(p));
            assertThat(d.page().body()).isNull();
            assertThat(d.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(d.bodyChars()).isEqualTo(body.length());
            assertThat(d.toRawPage()).isEqualTo(p);
        }
    }

    @Test
    void readsEveryJsonEscapeAndAnyLayout() {
        String json = "{ \"body\" : \"a\\u00e9\\u4e2d\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\"\\\\ \\u0000\" ,\n"
                + "  \"schemaVersion\" : 1 , \"articleId\" : \"x\", \"item\": {\"body\": \"not this one\"} }";
        RawPageUtf8 d = EventCodec.decodeRawPage(json.getBytes(StandardCharsets.UTF_8));
        RawPage viaString = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), RawPage.class);
        assertThat(new String(d.body(), StandardCharsets.UTF_8)).isEqualTo(viaString.body())
                .isEqualTo("aé中😀/\b\f\n\r\t\"\\ \u0000");
        assertThat(d.bodyChars()).isEqualTo(viaString.body().length());
        assertThat(d.page().articleId()).isEqualTo("x");
        // a lone surrogate has no UTF-8 form: it becomes '?', as String.getBytes makes it
        RawPageUtf8 lone = EventCodec.decodeRawPage("{\"schemaVersion\":1,\"body\":\"a\\ud800b\"}".getBytes());
        assertThat(lone.body()).isEqualTo("a\ud800b".getBytes(StandardCharsets.UTF_8)).isEqualTo("a?b".getBytes());
        assertThat(lone.bodyChars()).isEqualTo(3);
        assertThat(new RawPageUtf8(null, "é😀".getBytes(StandardCharsets.UTF_8)).bodyChars()).isEqualTo(3);
    }

    @Test
    void absentNullAndLaterBodies() {
        assertThat(EventCodec.decodeRawPage("{\"schemaVersion\":1}".getBytes()).body()).isNull();
        assertThat(EventCodec.decodeRawPage("{\"schemaVersion\":1,\"body\":null}".getBytes()).body()).isNull();
        assertThat(EventCodec.decodeRawPage("{\"schemaVersion\":1,\"body\":\"a\",\"body\":\"b\"}".getBytes()).body())
                .isEqualTo("b".getBytes());
        assertThat(EventCodec.decodeRawPage("{\"schemaVersion\":1,\"body\":42}".getBytes()).body())
                .isEqualTo(EventCodec.decode("{\"schemaVersion\":1,\"body\":42}".getBytes(), RawPage.class).body()
                        .getBytes());
    }

    @Test
    void refusesWhatDecodeRefusesAndMalformedUtf8() {
        assertThatThrownBy(() -> EventCodec.decodeRawPage("{\"schemaVersion\":2,\"body\":\"x\"}".getBytes()))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("unsupported schemaVersion 2");
        assertThatThrownBy(() -> EventCodec.decodeRawPage("{\"body\":\"x\"}".getBytes()))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> EventCodec.decodeRawPage("[1]".getBytes()))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EventCodec.decodeRawPage("{\"schemaVersion\":1,\"body\":\"x".getBytes()))
                .isInstanceOf(EventDecodingException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> EventCodec.decodeRawPage("{\"schemaVersion\":1,\"status\":\"abc\"}".getBytes()))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("not a valid RawPage");
        assertThatThrownBy(() -> EventCodec.decodeRawPage(null)).isInstanceOf(EventDecodingException.class);
        byte[] latin1 = "{\"schemaVersion\":1,\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> EventCodec.decodeRawPage(latin1))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("invalid UTF-8");
        assertThatThrownBy(() -> EventCodec.decode(latin1, RawPage.class)).isInstanceOf(EventDecodingException.class);
        byte[] rawNewline = "{\"schemaVersion\":1,\"body\":\"a\nb\"}".getBytes();
        assertThatThrownBy(() -> EventCodec.decodeRawPage(rawNewline)).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> EventCodec.decode(rawNewline, RawPage.class))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> EventCodec.decodeRawPage("{\"schemaVersion\":1,\"body\":\"\\x\"}".getBytes()))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("bad escape");
    }
}
