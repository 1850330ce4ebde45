package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.newsline.cli.demo.DemoSite;
import org.newsline.cli.up.Pipeline;
import org.newsline.events.EventCodec;
import org.newsline.runtime.config.NewslineConfig;

/**
 * One real pipeline (embedded broker, the three services, SQLite, the API) for all the command tests of a
 * run, started by the first test class that needs it and closed when the run ends. The demo site's feeds
 * are subscribed and its articles stored before any test starts; {@link #feeds} serves feeds for the
 * subscription tests.
 */
final class SharedPipeline implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static SharedPipeline instance;

    DemoSite demo;
    FixtureFeeds feeds;
    Pipeline pipeline;
    Path dataDir;

    /** The running pipeline (after {@code @ExtendWith(SharedPipeline.class)} has run). */
    static SharedPipeline get() {
        return instance;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedPipeline.class) {
            if (instance == null) {
                SharedPipeline p = new SharedPipeline();
                p.start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedPipeline.class.getName(), p);
                instance = p;
            }
        }
    }

    private void start() throws Exception {
        dataDir = Files.createTempDirectory("newsctl-test");
        demo = DemoSite.start(0);
        feeds = FixtureFeeds.start();
        pipeline = Pipeline.start(NewslineConfig.of(Map.of(
                "data.dir", dataDir.toString(),
                "http.port", "0",
                "fetch.allowed.hosts", demo.hostAndPort() + "," + feeds.hostAndPort(),
                "fetch.host.delay", "20ms")), 0);
        await("the API is healthy", () -> status(api() + "/health") == 200, Duration.ofSeconds(60));
        for (String feed : demo.feedUrls()) {
            Cli.Result r = Cli.run("subscribe", feed, "--api", api());
            if (r.exit() != 0) {
                throw new IllegalStateException("cannot subscribe the demo feeds: " + r);
            }
        }
        await("the demo articles are stored", () -> stat("articles") == demo.articleCount(), Duration.ofSeconds(60));
    }

    String api() {
        return pipeline.apiUrl();
    }

    String bootstrap() {
        return pipeline.bootstrapServers();
    }

    long stat(String field) {
        JsonNode stats = getJson(api() + "/api/stats");
        return stats == null ? -1 : stats.path(field).asLong();
    }

    static JsonNode getJson(String url) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? EventCodec.mapper().readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, BooleanSupplier check, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
        if (feeds != null) {
            feeds.close();
        }
        if (demo != null) {
            demo.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        instance = null;
    }
}
