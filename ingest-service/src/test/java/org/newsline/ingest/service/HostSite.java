package org.newsline.ingest.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on one loopback address (127.0.0.2, 127.0.0.3, ...: each is a host of its own to politeness)
 * for the ingest tests. Answers per path with a handler that sees how many times the path was asked for, and
 * keeps every request: when, and with which headers.
 */
final class HostSite implements AutoCloseable {

    /** One request as the site saw it: when it came, when its answer was sent, and its headers. */
    record Hit(String path, Instant at, Instant answered, Map<String, String> headers) {
    }

    /** Answers the {@code n}-th request (from 1) of a path. */
    interface Answer {
        void answer(HttpExchange exchange, int n) throws IOException;
    }

    private final HttpServer server;
    private final String address;
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> counts = new ConcurrentHashMap<>();

    HostSite(String address) throws IOException {
        this.address = address;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-site-" + address);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                Map<String, String> headers = new java.util.HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                        String.join(", ", v)));
                Instant at = Instant.now();
                int n = counts.computeIfAbsent(path, k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
                try {
                    Answer answer = routes.get(path);
                    if (answer == null) {
                        ex.sendResponseHeaders(404, -1);
                    } else {
                        answer.answer(ex, n);
                    }
                } finally {
                    hits.add(new Hit(path, at, Instant.now(), headers));
                }
            }
        });
        server.start();
    }

    HostSite route(String path, Answer answer) {
        routes.put(path, answer);
        return this;
    }

    String url(String path) {
        return "http://" + address + ":" + server.getAddress().getPort() + path;
    }

    /** The requests of {@code path} answered so far, in the order they came. */
    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).sorted(java.util.Comparator.comparing(Hit::at))
                .toList();
    }

    /** Every request answered so far, in the order they came. */
    List<Hit> hits() {
        return hits.stream().sorted(java.util.Comparator.comparing(Hit::at)).toList();
    }

    static void send(HttpExchange ex, int status, String contentType, String body, String... headers)
            throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, status == 304 || bytes.length == 0 ? -1 : bytes.length);
        if (status != 304 && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static void page(HttpExchange ex, String title) throws IOException {
        send(ex, 200, "text/html; charset=utf-8", "<html><head><title>" + title + "</title></head><body><article>"
                + "<p>The body of " + title + ", long enough to be an article.</p></article></body></html>");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
