package org.newsline.runtime.health;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.newsline.runtime.http.RouteSet;

/** {@code GET /health} (200 or 503 with each check) and {@code GET /metrics} (Prometheus text). */
public final class OpsRoutes implements RouteSet {

    private final Health health;
    private final PrometheusMeterRegistry registry;

    public OpsRoutes(Health health, PrometheusMeterRegistry registry) {
        this.health = health;
        this.registry = registry;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            Map<String, Boolean> results = health.results();
            boolean ok = !results.isEmpty() && results.values().stream().allMatch(Boolean::booleanValue);
            ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "UP" : "DOWN", "checks", results));
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }
}
