package org.newsline.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A small news site on a free loopback port, for {@code newsctl up --demo}: five sample articles (one of them
 * the seed article of the project) in realistic page furniture, and two RSS feeds that overlap, so the same
 * article is reached through both.
 */
public final class DemoSite implements AutoCloseable {

    static final List<String> SLUGS = List.of("joint-statement", "harbor-bridge", "river-study", "rail-strike",
            "library-reopens");

    private final HttpServer server;
    private final List<DemoArticle> articles;

    private DemoSite(HttpServer server, List<DemoArticle> articles) {
        this.server = server;
        this.articles = articles;
    }

    /**
     * Starts the site on {@code preferredPort} if it is free (so a second run serves the same URLs and nothing
     * is stored twice), else on a free port.
     */
    public static DemoSite start(int preferredPort) throws IOException {
        List<DemoArticle> articles = SLUGS.stream().map(DemoArticle::load).toList();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), preferredPort), 0);
        } catch (java.net.BindException e) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "newsline-demo-site");
            t.setDaemon(true);
            return t;
        }));
        DemoSite site = new DemoSite(server, articles);
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** host:port of the site, to allow-list exactly it in the fetch policy. */
    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The feeds to subscribe: everything, and a politics feed that repeats one article. */
    public List<String> feedUrls() {
        return List.of(baseUrl() + "/feed.xml", baseUrl() + "/politics/feed.xml");
    }

    public int articleCount() {
        return articles.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String base = baseUrl();
        try (exchange) {
            if (path.equals("/feed.xml")) {
                send(exchange, 200, "application/rss+xml; charset=utf-8", DemoPages.feed(base, "The Demo Courier", articles));
            } else if (path.equals("/politics/feed.xml")) {
                send(exchange, 200, "application/rss+xml; charset=utf-8",
                        DemoPages.feed(base, "The Demo Courier: Politics", articles.subList(0, 1)));
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", DemoPages.home(feedUrls()));
            } else if (path.startsWith("/news/") && path.endsWith(".html")) {
                String slug = path.substring("/news/".length(), path.length() - ".html".length());
                DemoArticle article = articles.stream().filter(a -> a.slug().equals(slug)).findFirst().orElse(null);
                if (article == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found");
                } else {
                    send(exchange, 200, "text/html; charset=utf-8", DemoPages.article(base, article, articles));
                }
            } else if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain; charset=utf-8", "User-agent: *\nDisallow: /private/\n");
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
