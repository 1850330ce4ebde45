package org.newsline.runtime.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import org.newsline.events.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a process: the route sets of its services, JSON through the topics' codec, and errors
 * mapped to statuses in one place.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts a server on {@code host:port} (port 0 picks a free one) serving {@code routeSets}, with no API
     * token: only a loopback host is accepted.
     */
    public static HttpServer start(String host, int port, List<RouteSet> routeSets) {
        return start(ApiAccess.of(host, port, ""), routeSets);
    }

    /**
     * Starts a server where {@code access} says, serving {@code routeSets}; with a token, requests that change
     * state must carry it.
     */
    public static HttpServer start(ApiAccess access, List<RouteSet> routeSets) {
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(EventCodec.mapper(), false));
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000L;
            if (access.requiresToken()) {
                config.routes.before(new BearerTokenCheck(access.token()));
            }
            if (access.readOnly()) {
                config.routes.before(ctx -> {
                    String method = ctx.method().name();
                    if (!method.equals("GET") && !method.equals("HEAD")) {
                        throw new ApiException(405, "this service only answers GET");
                    }
                });
            }
            for (RouteSet set : routeSets) {
                set.addTo(config.routes);
            }
            config.routes.exception(ApiException.class, (e, ctx) ->
                    ctx.status(e.status()).json(Map.of("error", e.getMessage())));
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.json(Map.of("error", "no such route: " + ctx.method() + " " + ctx.path()));
                }
            });
        });
        app.start(access.host(), access.port());
        LOG.info("HTTP server on {}", access);
        return new HttpServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
