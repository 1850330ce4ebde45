package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Fields of the API's JSON as table and CSV cells. */
final class Cells {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Cells() {
    }

    /** A field as text: "" for null or missing, strings as they are, lists of strings joined by "; ", else JSON. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    return v.toString();
                }
                parts.add(e.asText());
            }
            return String.join("; ", parts);
        }
        return v.toString();
    }

    /** A timestamp to the minute, in UTC, for tables; "-" when absent. */
    static String minute(JsonNode node, String field) {
        return time(node, field, MINUTES);
    }

    /** A timestamp to the second, in UTC, for tables; "-" when absent. */
    static String second(JsonNode node, String field) {
        return time(node, field, SECONDS);
    }

    private static String time(JsonNode node, String field, DateTimeFormatter format) {
        String t = text(node, field);
        if (t.isEmpty()) {
            return "-";
        }
        try {
            return format.format(Instant.parse(t));
        } catch (DateTimeParseException e) {
            return t;
        }
    }
}
