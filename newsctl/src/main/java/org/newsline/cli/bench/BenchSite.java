package org.newsline.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's news sites, meant to run in a process of its own (so its CPU is not charged to the pipeline
 * and it cannot share the pipeline's heap): RSS feeds and the dev pages repeated under distinct URLs, on all
 * addresses of 127.0.0.0/8 at one port ({@link SiteLayout}). Prints {@code port=N} once it serves and stops
 * when its standard input closes, so it never outlives the benchmark.
 *
 * <p>Usage: {@code BenchSite PAGES_DIR FEEDS ITEMS ADDRESSES}
 */
public final class BenchSite {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final List<byte[]> gzippedPages;
    private final SiteLayout layout;
    private final Instant published = Instant.now().minusSeconds(3600);

    private BenchSite(List<byte[]> gzippedPages, SiteLayout layout) {
        this.gzippedPages = gzippedPages;
        this.layout = layout;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: BenchSite PAGES_DIR FEEDS ITEMS ADDRESSES");
            System.exit(2);
        }
        List<byte[]> pages = loadPages(Path.of(args[0]));
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 512);
        SiteLayout layout = new SiteLayout(Integer.parseInt(args[3]), server.getAddress().getPort(),
                Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        BenchSite site = new BenchSite(pages, layout);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", site::handle);
        server.start();
        System.out.println("port=" + layout.port());
        System.out.flush();
        // the parent holds our stdin; when it goes away, so do we
        while (System.in.read() >= 0) {
            // ignore input
        }
        server.stop(0);
        System.exit(0);
    }

    /** The {@code *.html.gz} pages of {@code dir} (or of {@code dir/html}), still gzipped, in name order. */
    static List<byte[]> loadPages(Path dir) throws IOException {
        Path html = Files.isDirectory(dir.resolve("html")) ? dir.resolve("html") : dir;
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(html)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".html.gz")).sorted().toList()) {
                pages.add(Files.readAllBytes(p));
            }
        }
        if (pages.isEmpty()) {
            throw new IOException("no *.html.gz pages in " + html);
        }
        return pages;
    }

    static String gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            String[] parts = path.split("/");
            if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                int feed = Integer.parseInt(parts[2].substring(0, parts[2].length() - 4));
                send(exchange, "application/rss+xml; charset=utf-8", rss(feed).getBytes(StandardCharsets.UTF_8),
                        false);
            } else if (path.startsWith("/a/") && parts.length == 4 && path.endsWith(".html")) {
                int feed = Integer.parseInt(parts[2]);
                int item = Integer.parseInt(parts[3].substring(0, parts[3].length() - 5));
                byte[] gz = gzippedPages.get(layout.pageNumber(feed, item) % gzippedPages.size());
                String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
                if (accept != null && accept.contains("gzip")) {
                    send(exchange, "text/html; charset=utf-8", gz, true);
                } else {
                    send(exchange, "text/html; charset=utf-8", gunzip(gz).getBytes(StandardCharsets.UTF_8), false);
                }
            } else if (path.equals("/robots.txt")) {
                send(exchange, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8), false);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private String rss(int feed) {
        StringBuilder xml = new StringBuilder(layout.items() * 300);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Bench feed ").append(feed).append("</title>")
                .append("<link>").append(layout.feedUrl(feed)).append("</link>")
                .append("<description>benchmark feed</description>\n");
        for (int i = 0; i < layout.items(); i++) {
            String link = layout.pageUrl(feed, i);
            xml.append("<item><title>Story ").append(feed).append('-').append(i).append("</title>")
                    .append("<link>").append(link).append("</link>")
                    .append("<guid>").append(link).append("</guid>")
                    .append("<pubDate>").append(RFC_1123.format(published.minusSeconds(60L * i))).append("</pubDate>")
                    .append("<description>Story ").append(i).append(" of feed ").append(feed).append("</description>")
                    .append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static void send(HttpExchange exchange, String type, byte[] body, boolean gzipped) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (gzipped) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
