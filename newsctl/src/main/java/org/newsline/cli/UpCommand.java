package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.newsline.cli.demo.DemoSite;
import org.newsline.cli.up.Pipeline;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsctl up}: the whole pipeline in one process, with an embedded Kafka broker and SQLite. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline in one process: a Kafka broker, ingest, extract, store and the API.")
final class UpCommand implements java.util.concurrent.Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./newsline-data",
            description = "Where the broker, the database and the instance id live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the API, /health and /metrics (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded Kafka broker (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int kafkaPort;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Database of the store (default: SQLite file newsline.db in the data directory).")
    String dbUrl;

    @Option(names = "--allow-private-addresses",
            description = "Fetch from loopback and private networks (off by default).")
    boolean allowPrivate;

    @Option(names = "--demo", description = "Also serve sample news on loopback and subscribe its feeds.")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of Newsline settings.")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Map<String, String> overrides = new HashMap<>();
        overrides.put(Settings.DATA_DIR.key(), dataDir.toString());
        overrides.put(Settings.HTTP_PORT.key(), String.valueOf(httpPort));
        if (dbUrl != null) {
            overrides.put(Settings.DB_URL.key(), dbUrl);
        }
        if (allowPrivate) {
            overrides.put(Settings.FETCH_ALLOW_PRIVATE.key(), "true");
        }
        Files.createDirectories(dataDir);
        DemoSite site = null;
        if (demo) {
            site = DemoSite.start(rememberedDemoPort());
            Files.writeString(dataDir.resolve("demo-port"), site.port() + "\n", StandardCharsets.UTF_8);
            NewslineConfig base = NewslineConfig.fromEnvironment(Map.of(), configFile);
            List<String> allowed = new java.util.ArrayList<>(base.list(Settings.FETCH_ALLOWED_HOSTS));
            allowed.add(site.hostAndPort());
            overrides.put(Settings.FETCH_ALLOWED_HOSTS.key(), String.join(",", allowed));
            // the demo site serves on loopback; let its host go at demo speed
            overrides.put(Settings.FETCH_HOST_DELAY.key(), "50ms");
        }
        NewslineConfig config = NewslineConfig.fromEnvironment(overrides, configFile);
        for (String unknown : config.unknownKeys()) {
            LOG.warn("unknown configuration key {}", unknown);
        }
        Pipeline pipeline = Pipeline.start(config, kafkaPort);
        CountDownLatch exit = new CountDownLatch(1);
        DemoSite demoSite = site;
        Thread hook = new Thread(() -> {
            System.err.println("newsctl: stopping...");
            pipeline.close();
            if (demoSite != null) {
                demoSite.close();
            }
            exit.countDown();
        }, "newsline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.println("Newsline is up.");
        out.println("  API:        " + pipeline.apiUrl() + "/api/articles");
        out.println("  health:     " + pipeline.apiUrl() + "/health");
        out.println("  metrics:    " + pipeline.apiUrl() + "/metrics");
        out.println("  Kafka:      " + pipeline.bootstrapServers());
        out.println("  database:   " + pipeline.config().dbUrl());
        out.println("  data dir:   " + pipeline.dataDir().toAbsolutePath().normalize());
        if (site != null) {
            ApiClient api = new ApiClient(pipeline.apiUrl());
            out.println("  demo site:  " + site.baseUrl() + "/ (" + site.articleCount() + " articles)");
            for (String feed : site.feedUrls()) {
                JsonNode sub = api.post("/api/feeds", Map.of("url", feed));
                out.println("  subscribed: " + feed + " (feed " + sub.path("feedId").asText() + ")");
            }
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        exit.await();
        return 0;
    }

    private int rememberedDemoPort() {
        Path file = dataDir.resolve("demo-port");
        try {
            if (Files.exists(file)) {
                return Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("no usable remembered demo port", e);
        }
        return 0;
    }
}
