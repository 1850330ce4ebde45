package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.newsline.events.EventCodec;

/** A small JSON client of the store's API; errors become messages naming the API's answer. */
public final class ApiClient {

    /** The API's largest page. */
    static final int PAGE_SIZE = 500;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String base) {
        if (!base.regionMatches(true, 0, "http://", 0, 7) && !base.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("--api must be an http:// or https:// URL, got '" + base + "'");
        }
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public JsonNode get(String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(base).append(path);
        String sep = "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getValue() != null) {
                uri.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        return send(HttpRequest.newBuilder(URI.create(uri.toString())).GET());
    }

    /**
     * Reads a list route ({@code {"items": [...], "nextCursor": ...}}) page by page, following
     * {@code nextCursor} until it is null, and hands each item to {@code sink}; only one page is held at a time,
     * so the whole archive can stream through.
     *
     * @param max stop after this many items; 0 or less for all
     * @return the number of items handed over
     */
    public long forEachItem(String path, Map<String, String> query, long max, Consumer<JsonNode> sink) {
        return forEachItem(path, query, max, PAGE_SIZE, sink);
    }

    /** The same, {@code pageSize} items per request. */
    public long forEachItem(String path, Map<String, String> query, long max, int pageSize, Consumer<JsonNode> sink) {
        long seen = 0;
        String cursor = null;
        do {
            Map<String, String> q = new LinkedHashMap<>(query);
            long wanted = max > 0 ? Math.min(pageSize, max - seen) : pageSize;
            q.put("limit", Long.toString(wanted));
            q.put("cursor", cursor);
            JsonNode page = get(path, q);
            JsonNode items = page == null ? null : page.get("items");
            if (items == null || !items.isArray()) {
                throw new IllegalStateException("the API's answer to " + path + " has no items list");
            }
            for (JsonNode item : items) {
                sink.accept(item);
                if (++seen == max) {
                    return seen;
                }
            }
            String next = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
            if (next != null && (next.equals(cursor) || items.isEmpty())) {
                // a cursor that does not move would loop forever
                throw new IllegalStateException("the API returned the same page twice for " + path);
            }
            cursor = next;
        } while (cursor != null);
        return seen;
    }

    public JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventCodec.encodeToString(body))));
    }

    public JsonNode patch(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(EventCodec.encodeToString(body))));
    }

    public JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private JsonNode send(HttpRequest.Builder request) {
        String token = System.getenv("NEWSLINE_API_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // HttpClient's ConnectException often has no message; its class says enough
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreachableException("cannot reach the Newsline API at " + base + " (" + why
                    + "); is `newsctl up` running? Use --api to point elsewhere.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        JsonNode body;
        try {
            body = response.body().isEmpty() ? null : EventCodec.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the API answered " + response.statusCode() + " with non-JSON: "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
        if (response.statusCode() >= 400) {
            String message = body != null && body.hasNonNull("error") ? body.get("error").asText() : response.body();
            throw new ErrorResponse(response.statusCode(), message + " (HTTP " + response.statusCode() + ")");
        }
        return body;
    }

    /** The API could not be reached at all: retrying other requests is pointless. */
    public static final class UnreachableException extends IllegalStateException {
        UnreachableException(String message) {
            super(message);
        }
    }

    /** The API answered with an error status; the message is the API's own. */
    public static final class ErrorResponse extends IllegalStateException {
        private final int status;

        ErrorResponse(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
