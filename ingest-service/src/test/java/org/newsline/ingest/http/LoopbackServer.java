package org.newsline.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 and a free port, for tests; counts requests per path. */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> lastRequestHeaders = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        }));
        // one context for everything and exact paths: HttpServer's own contexts match by prefix ("/feed" would
        // answer "/feed.xml" too)
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            perPath.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
            HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            } else {
                handler.handle(exchange);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The host:port to allow in a {@link FetchPolicy}. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** A policy with small limits that allows this server and nothing else private. */
    public FetchPolicy policy() {
        return FetchPolicy.defaults().withAllowedHost(hostPort()).withMaxBodyBytes(64 * 1024)
                .withTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(2));
    }

    public LoopbackServer route(String path, HttpHandler handler) {
        routes.put(path, exchange -> {
            Map<String, String> h = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
            lastRequestHeaders.put(exchange.getRequestURI().getPath(), h);
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** Serves {@code body} with {@code status} and {@code contentType} (null: none) at {@code path}. */
    public LoopbackServer serve(String path, int status, String contentType, byte[] body, String... headers) {
        return route(path, exchange -> {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            send(exchange, status, body);
        });
    }

    public LoopbackServer serve(String path, String contentType, String body) {
        return serve(path, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public LoopbackServer redirect(String path, int status, String location) {
        return serve(path, status, null, new byte[0], "Location", location);
    }

    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = status == 304 || status == 204 || body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public int requests() {
        return requests.get();
    }

    public int requests(String path) {
        AtomicInteger n = perPath.get(path);
        return n == null ? 0 : n.get();
    }

    public Map<String, String> lastRequestHeaders(String path) {
        return lastRequestHeaders.getOrDefault(path, Map.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
