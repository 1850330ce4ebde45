package org.newsline.cli.up;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.extract.ExtractService;
import org.newsline.extract.Extractor;
import org.newsline.ingest.IngestService;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import org.newsline.runtime.health.Health;
import org.newsline.runtime.health.OpsRoutes;
import org.newsline.runtime.health.ProcessMetrics;
import org.newsline.runtime.http.ApiAccess;
import org.newsline.runtime.http.HttpServer;
import org.newsline.runtime.http.RouteSet;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import org.newsline.store.ArchiveRetention;
import org.newsline.store.StoreService;
import org.newsline.store.api.StoreApi;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.feeds.KafkaFeedSubscriptions;
import org.newsline.store.replay.ReplayApi;
import org.newsline.store.replay.ReplayJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: optionally an embedded Kafka broker, then the topics, the store, the
 * extract and ingest services, and one HTTP server with the API, {@code /health} and {@code /metrics}.
 * Closing stops them in reverse order, each finishing its batch first.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedBroker broker;
    private NewslineConfig config;
    private HttpServer http;
    private ArticleStore store;

    private Pipeline() {
    }

    /**
     * Starts everything.
     *
     * @param config          the configuration (bootstrap servers are replaced when a broker is embedded)
     * @param embedBrokerPort start an embedded broker on this port (0: a free one); null to use the configured
     *                        Kafka cluster
     */
    public static Pipeline start(NewslineConfig config, Integer embedBrokerPort) throws IOException {
        return start(config, embedBrokerPort, new Extractor());
    }

    /** Starts everything with this extractor (tests of replays stamp another extractor version). */
    public static Pipeline start(NewslineConfig config, Integer embedBrokerPort, Extractor extractor)
            throws IOException {
        Pipeline p = new Pipeline();
        try {
            p.startAll(config, embedBrokerPort, extractor);
            return p;
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    private void startAll(NewslineConfig initial, Integer embedBrokerPort, Extractor extractor) throws IOException {
        config = initial;
        ApiAccess access = ApiAccess.from(config); // an API open to the network refuses to start, before any work
        if (embedBrokerPort != null) {
            broker = EmbeddedBroker.start(config.dataDir().resolve("kafka"), embedBrokerPort);
            config = config.with(Map.of(Settings.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers()));
        }
        KafkaClients clients = new KafkaClients(config);
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(60));

        PrometheusMeterRegistry metrics = ProcessMetrics.newRegistry();
        Health health = new Health();
        Admin admin = clients.admin();
        started.add(admin);
        TopicAdmin topics = new TopicAdmin(clients);
        health.add("kafka.topics", () -> topics.topicsExist(admin));

        store = ArticleStore.open(config.dbUrl(), config.string(Settings.DB_USER),
                config.string(Settings.DB_PASSWORD));
        StoreService storeService = new StoreService(clients, store, metrics).start();
        started.add(storeService);
        started.add(new ArchiveRetention(store, config.duration(Settings.ARCHIVE_RETENTION), Clock.systemUTC()));
        health.add("store.consumer", () -> storeService.loop().joined());

        ExtractService extract = new ExtractService(clients, extractor, metrics).start();
        started.add(extract);
        health.add("extract.consumer", () -> extract.loop().joined());

        IngestService ingest = new IngestService(clients, metrics).start();
        started.add(ingest);
        ingest.addHealthChecks(health);

        KafkaFeedSubscriptions subscriptions = new KafkaFeedSubscriptions(clients, store,
                IngestService.fetchPolicy(config));
        started.add(subscriptions);
        ReplayJobs replays = new ReplayJobs(store, clients, config.dataDir());
        started.add(replays);
        List<RouteSet> routes = List.of(new OpsRoutes(health, metrics), new StoreApi(store, subscriptions),
                new ReplayApi(replays));
        http = HttpServer.start(access, routes);
    }

    public NewslineConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.string(Settings.BOOTSTRAP_SERVERS);
    }

    public int httpPort() {
        return http.port();
    }

    public String apiUrl() {
        return "http://" + hostForUrl(config.string(Settings.HTTP_HOST)) + ":" + http.port();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public ArticleStore store() {
        return store;
    }

    private static String hostForUrl(String host) {
        return host.equals("0.0.0.0") || host.isEmpty() ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
