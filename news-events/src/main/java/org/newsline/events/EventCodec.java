package org.newsline.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON codec of the topics: UTF-8, camelCase fields, ISO-8601 UTC timestamps and durations, map keys in
 * order (equal events encode to equal bytes), unknown fields ignored, values from a newer schema version rejected.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = newMapper();
    /**
     * Stands in for a body given as bytes: the page is encoded with this as its body, then the body's JSON is
     * put where this ends up. Control characters keep it out of anything a page holds by accident, and only
     * the last occurrence counts (the body is the last field but {@code replay}).
     */
    private static final String BODY_MARK = "\u0001newsline.raw.body\u0001";
    private static final byte[] BODY_MARK_JSON = encodeToString(BODY_MARK).getBytes(StandardCharsets.UTF_8);

    private EventCodec() {
    }

    /** A mapper configured like the topics; safe to share. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(256 * 1024 * 1024).maxNestingDepth(200).build())
                // characters beyond the BMP as their four UTF-8 bytes, not as two escaped surrogates: plain
                // UTF-8 JSON, and the same bytes whether a body is written from a String or from its UTF-8 bytes
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // an event's bytes depend on its value only: immutable maps (RawPage.headers) iterate in no fixed order
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    public static byte[] encode(Event event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    public static String encodeToString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * The JSON of {@code page} with {@code utf8Body} as its body, byte for byte what {@link #encode} writes for
     * the page with that body as a {@code String}, without decoding the body and encoding it again. The bytes
     * must be well-formed UTF-8 ({@link RawPageUtf8#body()} always is); {@code page.body()} is ignored.
     */
    public static byte[] encodeRawPage(RawPage page, byte[] utf8Body) {
        if (utf8Body == null) {
            return encode(RawPageUtf8.withBody(page, null));
        }
        byte[] json = encode(RawPageUtf8.withBody(page, BODY_MARK));
        int at = lastIndexOf(json, BODY_MARK_JSON);
        if (at < 0) {
            throw new IllegalStateException("cannot encode RawPage: the body's place was not found");
        }
        int after = at + BODY_MARK_JSON.length;
        byte[] out = new byte[at + JsonStringWriter.quotedLength(utf8Body) + json.length - after];
        System.arraycopy(json, 0, out, 0, at);
        int end = JsonStringWriter.write(utf8Body, out, at);
        System.arraycopy(json, after, out, end, json.length - after);
        return out;
    }

    private static int lastIndexOf(byte[] in, byte[] what) {
        outer:
        for (int i = in.length - what.length; i >= 0; i--) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Reads a raw page with its body left as UTF-8 bytes: what {@link #decode} gives for a {@link RawPage},
     * checked the same way, but the body is never turned into a {@code String}.
     *
     * @throws EventDecodingException as {@link #decode} does, and for a body that is not well-formed UTF-8
     */
    public static RawPageUtf8 decodeRawPage(byte[] json) {
        if (json == null) {
            throw new EventDecodingException("null value where a RawPage was expected");
        }
        int quote = bodyQuote(json);
        if (quote < 0) {
            return RawPageUtf8.of(decode(json, RawPage.class));
        }
        int[] end = new int[2];
        byte[] body = JsonStringBytes.readTo(json, quote, end);
        // the rest of the page is small: read it with the body replaced by null, and checked as decode checks
        byte[] rest = new byte[json.length - (end[0] + 1 - quote) + 4];
        System.arraycopy(json, 0, rest, 0, quote);
        System.arraycopy(NULL, 0, rest, quote, 4);
        System.arraycopy(json, end[0] + 1, rest, quote + 4, json.length - end[0] - 1);
        RawPage page = decode(rest, RawPage.class);
        if (page.body() != null) { // another "body" field later in the object: that one counts, as in decode
            return RawPageUtf8.of(page);
        }
        return new RawPageUtf8(page, body, end[1]);
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /**
     * Where the string value of the top-level field {@code body} starts (its opening quote), or -1 when there
     * is none (absent, null, not a string, or JSON too broken to tell: {@link #decode} then says what is wrong).
     * Other values are skipped, not read.
     */
    private static int bodyQuote(byte[] json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("body") && value == JsonToken.VALUE_STRING) {
                    long at = p.currentTokenLocation().getByteOffset();
                    return at >= 0 && at < json.length && json[(int) at] == '"' ? (int) at : -1;
                }
                p.skipChildren();
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Reads an event of type {@code type}.
     *
     * @throws EventDecodingException if the bytes are not JSON, lack {@code schemaVersion}, come from a newer
     *                                schema version, or do not fit the type
     */
    public static <T extends Event> T decode(byte[] json, Class<T> type) {
        if (json == null) {
            throw new EventDecodingException("null value where a " + type.getSimpleName() + " was expected");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new EventDecodingException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
        return bind(tree, type);
    }

    private static <T extends Event> T bind(JsonNode tree, Class<T> type) {
        if (tree == null || !tree.isObject()) {
            throw new EventDecodingException("not a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new EventDecodingException("missing or non-integer schemaVersion");
        }
        if (version.asInt() < 1 || version.asInt() > Event.SCHEMA_VERSION) {
            throw new EventDecodingException("unsupported schemaVersion " + version.asInt()
                    + " (this reader knows 1.." + Event.SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new EventDecodingException("not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
