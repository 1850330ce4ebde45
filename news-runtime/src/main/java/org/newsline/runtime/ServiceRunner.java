package org.newsline.runtime;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service alone against a Kafka cluster: reads and logs the configuration, creates the topics,
 * starts the service and an HTTP server ({@code /health}, {@code /metrics} and the service's own routes), and
 * stops everything cleanly on SIGTERM.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    /** What a service gets to start itself. */
    public record Context(NewslineConfig config, KafkaClients clients, PrometheusMeterRegistry metrics, Health health,
                          List<RouteSet> routes) {
    }

    /** Starts the service; the returned resource is closed on shutdown. */
    @FunctionalInterface
    public interface Starter {
        AutoCloseable start(Context context) throws Exception;
    }

    private ServiceRunner() {
    }

    /** Runs a service whose HTTP server only answers reads (health, metrics). */
    public static void run(String name, Starter starter) {
        run(name, false, starter);
    }

    /** Runs a service that serves the API, whose state-changing requests need the token off loopback. */
    public static void runWithApi(String name, Starter starter) {
        run(name, true, starter);
    }

    private static void run(String name, boolean servesApi, Starter starter) {
        NewslineConfig config;
        ApiAccess access;
        try {
            config = NewslineConfig.fromEnvironment(Map.of(), null);
            // an API open to the network refuses to start, before any work
            access = servesApi ? ApiAccess.from(config) : ApiAccess.readOnly(config);
        } catch (RuntimeException e) {
            System.err.println(name + ": configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        for (NewslineConfig.Row row : config.describe()) {
            if (!"default".equals(row.source())) {
                LOG.info("config {} = {} ({})", row.key(), row.value(), row.source());
            }
        }
        config.unknownKeys().forEach(k -> LOG.warn("unknown configuration key {}", k));
        KafkaClients clients = new KafkaClients(config);
        new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(120));
        PrometheusMeterRegistry metrics = ProcessMetrics.newRegistry();
        Health health = new Health();
        Admin admin = clients.admin();
        TopicAdmin topics = new TopicAdmin(clients);
        health.add("kafka.topics", () -> topics.topicsExist(admin));
        List<RouteSet> routes = new ArrayList<>();
        routes.add(new OpsRoutes(health, metrics));
        AutoCloseable service;
        try {
            service = starter.start(new Context(config, clients, metrics, health, routes));
        } catch (Exception e) {
            LOG.error("{} failed to start", name, e);
            System.exit(1);
            return;
        }
        HttpServer http = HttpServer.start(access, routes);
        LOG.info("{} running; health at http://{}:{}/health", name, config.string(Settings.HTTP_HOST), http.port());
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{} stopping", name);
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", name, e);
            }
            http.close();
            admin.close();
            done.countDown();
        }, name + "-shutdown"));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
