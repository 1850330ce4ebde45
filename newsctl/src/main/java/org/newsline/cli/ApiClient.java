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
import java.util.Map;
import org.newsline.events.EventCodec;

/** A small JSON client of the store's API; errors become messages naming the API's answer. */
public final class ApiClient {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String base) {
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
            throw new IllegalStateException("cannot reach the Newsline API at " + base + " (" + e.getMessage()
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
            throw new IllegalStateException(message + " (HTTP " + response.statusCode() + ")");
        }
        return body;
    }
}
