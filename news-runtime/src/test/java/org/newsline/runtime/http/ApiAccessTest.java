package org.newsline.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsline.runtime.config.ConfigException;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.health.Health;
import org.newsline.runtime.health.OpsRoutes;
import org.newsline.runtime.health.ProcessMetrics;
import org.slf4j.LoggerFactory;

/** Bind address and API token on the real HTTP server. */
class ApiAccessTest {

    private static final String TOKEN = "s3cret-token-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private HttpServer server;

    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        root().detachAppender(logs);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** A tiny API: a list to read and to change, besides /health and /metrics. */
    private static List<RouteSet> routes() {
        PrometheusMeterRegistry metrics = ProcessMetrics.newRegistry();
        Health health = new Health();
        health.add("always", () -> true);
        RouteSet things = r -> {
            r.get("/api/things", ctx -> ctx.json(Map.of("items", List.of())));
            r.post("/api/things", ctx -> ctx.status(201).json(Map.of("created", true)));
            r.patch("/api/things/{id}", ctx -> ctx.json(Map.of("changed", ctx.pathParam("id"))));
            r.delete("/api/things/{id}", ctx -> ctx.status(204));
        };
        return List.of(new OpsRoutes(health, metrics), things);
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsToLoopbackByDefault() {
        ApiAccess access = ApiAccess.from(NewslineConfig.of(Map.of()));
        assertThat(access.host()).isEqualTo("127.0.0.1");
        assertThat(access.requiresToken()).isFalse();
    }

    @Test
    void refusesToBindElsewhereWithoutAToken() {
        for (String host : List.of("0.0.0.0", "::", "")) {
            assertThatThrownBy(() -> ApiAccess.from(NewslineConfig.of(Map.of("http.host", host, "http.port", "0"))))
                    .as(host).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("api.token").hasMessageContaining("NEWSLINE_API_TOKEN");
        }
        assertThatThrownBy(() -> HttpServer.start("0.0.0.0", 0, routes())).isInstanceOf(ConfigException.class);
    }

    @Test
    void loopbackNamesNeedNoToken() {
        assertThat(ApiAccess.of("localhost", 0, "").requiresToken()).isFalse();
        assertThat(ApiAccess.of("::1", 0, null).host()).isEqualTo("::1");
    }

    @Test
    void aReadOnlyServiceMayBindAnywhereButRefusesEveryChange() throws Exception {
        server = HttpServer.start(ApiAccess.readOnly(NewslineConfig.of(Map.of("http.host", "0.0.0.0",
                "http.port", "0"))), routes());
        assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/things", null).statusCode()).isEqualTo(405);
        assertThat(send("DELETE", "/api/things/1", "Bearer anything").statusCode()).isEqualTo(405);
    }

    @Test
    void withoutATokenOnLoopbackEverythingIsOpen() throws Exception {
        server = HttpServer.start(ApiAccess.from(NewslineConfig.of(Map.of("http.port", "0"))), routes());
        assertThat(send("POST", "/api/things", null).statusCode()).isEqualTo(201);
        assertThat(send("DELETE", "/api/things/1", null).statusCode()).isEqualTo(204);
    }

    @Test
    void withATokenChangesNeedTheBearerTokenAndReadsStayOpen() throws Exception {
        server = HttpServer.start(ApiAccess.from(NewslineConfig.of(Map.of("http.host", "0.0.0.0",
                "http.port", "0", "api.token", TOKEN))), routes());

        assertThat(send("GET", "/api/things", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);

        for (String[] call : new String[][] {{"POST", "/api/things"}, {"PATCH", "/api/things/7"},
                {"DELETE", "/api/things/7"}, {"PUT", "/api/things"}, {"POST", "/api/nowhere"}}) {
            for (String auth : new String[] {null, "Bearer wrong", "Bearer " + TOKEN + "x", "Basic " + TOKEN,
                    "Bearer ", TOKEN}) {
                HttpResponse<String> r = send(call[0], call[1], auth);
                assertThat(r.statusCode()).as(call[0] + " " + call[1] + " with " + auth).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                        .startsWith("Bearer"));
                assertThat(r.body()).doesNotContain(TOKEN);
            }
        }
        assertThat(send("POST", "/api/things", "Bearer " + TOKEN).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/things", "bearer " + TOKEN).statusCode()).isEqualTo(201);
        assertThat(send("PATCH", "/api/things/7", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/things/7", "Bearer " + TOKEN).statusCode()).isEqualTo(204);
    }

    @Test
    void secretsAppearNeitherInLogsNorInMetricsNorInTheConfigTable() throws Exception {
        NewslineConfig config = NewslineConfig.of(Map.of("http.host", "0.0.0.0", "http.port", "0",
                "api.token", TOKEN, "db.password", "db-" + TOKEN,
                "db.url", "jdbc:postgresql://db:5432/news?user=newsline&password=url-" + TOKEN,
                "kafka.sasl.jaas.config", "ScramLoginModule required username=\"u\" password=\"jaas-" + TOKEN + "\";"));
        server = HttpServer.start(ApiAccess.from(config), routes());
        send("POST", "/api/things", "Bearer nope");
        send("POST", "/api/things", "Bearer " + TOKEN);
        String metrics = send("GET", "/metrics", null).body();

        assertThat(metrics).contains("jvm_").doesNotContain(TOKEN);
        for (NewslineConfig.Row row : config.describe()) {
            assertThat(row.value()).as(row.key()).doesNotContain(TOKEN);
        }
        assertThat(config.describe()).anySatisfy(row -> assertThat(row.value())
                .isEqualTo("jdbc:postgresql://db:5432/news?user=newsline&password=********"));
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(TOKEN);
        }
    }
}
