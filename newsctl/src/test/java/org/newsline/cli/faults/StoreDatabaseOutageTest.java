package org.newsline.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.cli.bench.RawBacklog;
import org.newsline.cli.up.Pipeline;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * The store's database goes down while raw pages flow (the pipeline in one process, as {@code newsctl up} runs it,
 * on a PostgreSQL of the test's own): the store's batches fail and wait, extract goes on, and once the database is
 * back every page is stored once, nothing lost.
 */
@Tag("integration")
class StoreDatabaseOutageTest {

    @TempDir
    Path dir;

    @Test
    void pagesThatArriveWhileTheDatabaseIsDownAreStoredOnceItIsBack() throws Exception {
        try (Postgres postgres = new Postgres(dir.resolve("postgres"), EmbeddedBroker.freePort())) {
            postgres.start();
            try (Pipeline pipeline = Pipeline.start(NewslineConfig.of(Map.of("data.dir", dir.resolve("up").toString(),
                    "http.port", "0", "db.url", postgres.jdbcUrl())), 0)) {
                RawBacklog backlog = new RawBacklog(new KafkaClients(NewslineConfig.of(Map.of(
                        "bootstrap.servers", pipeline.bootstrapServers()))), bodies());
                backlog.produce(0, 40, 0);
                await("the first pages stored", () -> count(postgres, "articles") == 40, Duration.ofSeconds(120));

                postgres.stop();
                backlog.produce(40, 40, 0);
                // extract goes on; the store's batches fail (once the pool gives up waiting for a connection) and
                // are retried after a pause
                await("a store batch failed", () -> failedStoreRecords(pipeline) > 0, Duration.ofSeconds(120));
                postgres.start();

                await("every page stored", () -> count(postgres, "articles") >= 80, Duration.ofSeconds(180));
                Thread.sleep(2000); // anything stored twice would show now
                assertThat(count(postgres, "articles")).isEqualTo(80);
                assertThat(query(postgres, "SELECT count(DISTINCT article_id) FROM articles")).isEqualTo(80);
                assertThat(count(postgres, "raw_pages")).isEqualTo(80);
                assertThat(status(pipeline.apiUrl() + "/health")).isEqualTo(200);
            }
        }
    }

    /** Small article pages, different enough to be extracted as articles. */
    private static List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < 6; p++) {
                text.append("<p>Paragraph ").append(p).append(" of story ").append(i).append(": the council met on ")
                        .append("Tuesday and said the bridge would reopen in spring, after repairs that took longer ")
                        .append("than planned. \"We are nearly there,\" the mayor said.</p>");
            }
            bodies.add("<html><head><title>Story " + i + "</title></head><body><article><h1>Story " + i + "</h1>"
                    + text + "</article></body></html>");
        }
        return bodies;
    }

    private static double failedStoreRecords(Pipeline pipeline) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(pipeline.apiUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("newsline_records_failed_total\\{[^}]*stage=\"store\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long count(Postgres postgres, String table) throws SQLException {
        return query(postgres, "SELECT count(*) FROM " + table);
    }

    private static long query(Postgres postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl() + "&connectTimeout=2");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
