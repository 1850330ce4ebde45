package org.newsline.cli.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
import org.newsline.runtime.http.HttpServer;
import org.newsline.runtime.http.RouteSet;
import org.newsline.runtime.kafka.InstanceId;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import org.newsline.runtime.kafka.TransactionalLoop;
import org.newsline.store.StoreService;
import org.newsline.store.api.StoreApi;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.feeds.KafkaFeedSubscriptions;

/**
 * The pipeline as {@code org.newsline.cli.up.Pipeline} assembles it (embedded broker, topics, store, extract,
 * ingest, one HTTP server), assembled here step by step because the benchmark needs three things the
 * production wiring does not offer: the store wrapped in a {@link CommitTimingStore}, a broker that can be
 * filled before the services start (the {@code raw} mode), and more than one extract instance in one group.
 */
final class BenchPipeline implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final EmbeddedBroker broker;
    private final NewslineConfig config;
    private final KafkaClients clients;
    private final PrometheusMeterRegistry metrics = ProcessMetrics.newRegistry();
    private final List<MeterRegistry> extractMetrics = new ArrayList<>();
    private final Map<String, Set<Integer>> extractPartitions = new ConcurrentHashMap<>();
    private final List<TransactionalLoop> loops = new ArrayList<>();
    private CommitTimingStore store;
    private HttpServer http;

    private BenchPipeline(EmbeddedBroker broker, NewslineConfig config) {
        this.broker = broker;
        this.config = config;
        this.clients = new KafkaClients(config);
    }

    /** Starts the broker and creates the topics; no service runs yet. */
    static BenchPipeline startBroker(NewslineConfig config) throws IOException {
        EmbeddedBroker broker = EmbeddedBroker.start(config.dataDir().resolve("kafka"), 0);
        BenchPipeline p = new BenchPipeline(broker,
                config.with(Map.of(Settings.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers())));
        try {
            new TopicAdmin(p.clients).ensureTopics(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /**
     * Starts the store, {@code extractInstances} extract services in one consumer group (each with its own
     * instance id and metrics), the ingest service if asked, and the HTTP API.
     */
    void startServices(LatencyRecorder latency, int extractInstances, boolean ingest) {
        Health health = new Health();
        Admin admin = clients.admin();
        started.add(admin);
        store = new CommitTimingStore(ArticleStore.open(config.dbUrl(), config.string(Settings.DB_USER),
                config.string(Settings.DB_PASSWORD)), latency);
        StoreService storeService = new StoreService(clients, store, metrics).start();
        started.add(storeService);
        loops.add(storeService.loop());

        Extractor extractor = new Extractor();
        String base = InstanceId.of(config);
        for (int i = 0; i < extractInstances; i++) {
            String instance = i == 0 ? base : base + "-" + (i + 1);
            KafkaClients own = new KafkaClients(config.with(Map.of(Settings.INSTANCE_ID.key(), instance)));
            MeterRegistry registry = i == 0 ? metrics : ProcessMetrics.newRegistry();
            extractMetrics.add(registry);
            ExtractService extract = new ExtractService(own, extractor, registry);
            extract.loop().onAssigned(parts -> {
                Set<Integer> numbers = new TreeSet<>();
                parts.forEach(tp -> numbers.add(tp.partition()));
                extractPartitions.put(instance, numbers);
            });
            started.add(extract.start());
            loops.add(extract.loop());
        }
        if (ingest) {
            IngestService ingestService = new IngestService(clients, metrics).start();
            started.add(ingestService);
        }
        KafkaFeedSubscriptions subscriptions = new KafkaFeedSubscriptions(clients, store,
                IngestService.fetchPolicy(config));
        started.add(subscriptions);
        List<RouteSet> routes = List.of(new OpsRoutes(health, metrics), new StoreApi(store, subscriptions));
        http = HttpServer.start("127.0.0.1", 0, routes);
    }

    /** Starts the ingest service's poller alone, no other service and no API (the polls benchmark). */
    void startPollerOnly() {
        started.add(new IngestService(clients, metrics).startPollerOnly());
    }

    /** Waits until the store and extract consumers have joined their groups, as a pipeline that is up has. */
    void awaitJoined() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!loops.stream().allMatch(TransactionalLoop::joined)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the store and extract consumers did not join within 120 s");
            }
            Thread.sleep(50);
        }
    }

    KafkaClients clients() {
        return clients;
    }

    NewslineConfig config() {
        return config;
    }

    CommitTimingStore store() {
        return store;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + http.port();
    }

    /** The sum of a counter over the pipeline's registries (extract instances each have their own). */
    double count(String name, String... tags) {
        double sum = 0;
        List<MeterRegistry> registries = new ArrayList<>(extractMetrics);
        if (!registries.contains(metrics)) {
            registries.add(metrics);
        }
        for (MeterRegistry r : registries) {
            for (Counter c : r.find(name).tags(tags).counters()) {
                sum += c.count();
            }
        }
        return sum;
    }

    /** Records taken by each extract instance, in start order. */
    List<Double> extractedByInstance() {
        List<Double> out = new ArrayList<>();
        for (MeterRegistry r : extractMetrics) {
            Counter c = r.find("newsline.records.in").tag("stage", "extract").counter();
            out.add(c == null ? 0 : c.count());
        }
        return out;
    }

    /** The news.raw partitions each extract instance was last assigned. */
    Map<String, Set<Integer>> extractPartitions() {
        return Map.copyOf(extractPartitions);
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
                System.err.println("bench: error stopping " + started.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        if (store != null) {
            store.close();
        }
        broker.close();
    }
}
