package org.newsline.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A loopback site of feeds for the subscription commands: {@code /feeds/NAME.xml} is an RSS feed titled
 * "Fixture NAME" (NAME percent-decoded) with no items (so nothing is fetched after it), {@code /site/} is a page that links its
 * feed {@code /feeds/site.xml}, {@code /page.html} is a page with no feed, everything else is 404.
 */
final class FixtureFeeds implements AutoCloseable {

    private final HttpServer server;

    private FixtureFeeds(HttpServer server) {
        this.server = server;
    }

    static FixtureFeeds start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FixtureFeeds site = new FixtureFeeds(server);
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String feed(String name) {
        return baseUrl() + "/feeds/" + name + ".xml";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                String name = path.substring("/feeds/".length(), path.length() - ".xml".length());
                send(exchange, 200, "application/rss+xml; charset=utf-8", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0"><channel><title>Fixture %s</title><link>%s/</link>
                        <description>a feed with nothing new</description></channel></rss>
                        """.formatted(name.replace("&", "&amp;").replace("<", "&lt;"), baseUrl()));
            } else if (path.equals("/site/")) {
                send(exchange, 200, "text/html; charset=utf-8", """
                        <!doctype html><html><head><title>A site</title>
                        <link rel="alternate" type="application/rss+xml" title="Site" href="/feeds/site.xml">
                        </head><body><p>Welcome.</p></body></html>""");
            } else if (path.equals("/page.html")) {
                send(exchange, 200, "text/html; charset=utf-8",
                        "<!doctype html><html><head><title>No feed</title></head><body><p>Nothing.</p></body></html>");
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
