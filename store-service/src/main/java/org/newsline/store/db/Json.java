package org.newsline.store.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.newsline.events.EventCodec;

/** JSON columns (lists, header maps, feed items and states) in the topics' encoding. */
final class Json {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        return value == null ? null : EventCodec.encodeToString(value);
    }

    static List<String> strings(String json) {
        return json == null ? List.of() : read(json, STRINGS);
    }

    static Map<String, String> stringMap(String json) {
        return json == null ? Map.of() : read(json, STRING_MAP);
    }

    static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON column is malformed", e);
        }
    }
}
