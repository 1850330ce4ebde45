package org.newsline.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's news sites, meant to run in a process of its own (so its CPU is not charged to the pipeline
 * and it cannot share the pipeline's heap): RSS feeds and the dev pages repeated under distinct URLs, on all
 * addresses of 127.0.0.0/8 at one port ({@link SiteLayout}). Prints {@code port=N} once it serves and stops
 * when its standard input closes, so it never outlives the benchmark.
 *
 * <p>Each feed has a generation: generation {@code g} lists items {@code g .. g+ITEMS-1}, newest first, with an
 * {@code ETag} and {@code Last-Modified} of its own. In the {@code conditional} mode (the start) generations stay
 * put and a request whose {@code If-None-Match} names the current one is answered 304; in the {@code changing}
 * mode every request of a feed moves it on by one generation (one new item) and is answered 200. Lines on
 * standard input switch modes ({@code conditional}, {@code changing}) or ask for the counts ({@code stats});
 * each is answered with one line on standard output.
 *
 * <p>Usage: {@code BenchSite PAGES_DIR|- FEEDS ITEMS ADDRESSES [ITEM_BYTES]} ({@code -}: feeds only, no pages;
 * ITEM_BYTES pads each item's description so that an item takes about that many bytes of XML).
 */
public final class BenchSite {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String FILLER = "The council met on Tuesday and said the plan would be reviewed again "
            + "next month, after residents asked for more time to read the proposals. ";

    private final List<byte[]> gzippedPages;
    private final SiteLayout layout;
    private final int itemBytes;
    private final Instant published = Instant.now().minusSeconds(3600);
    private final AtomicIntegerArray generation;
    private volatile boolean changing;
    private final AtomicLong feedsFull = new AtomicLong();
    private final AtomicLong feedsNotModified = new AtomicLong();
    private final AtomicLong feedBytes = new AtomicLong();
    private final AtomicLong pagesServed = new AtomicLong();

    private BenchSite(List<byte[]> gzippedPages, SiteLayout layout, int itemBytes) {
        this.gzippedPages = gzippedPages;
        this.layout = layout;
        this.itemBytes = itemBytes;
        this.generation = new AtomicIntegerArray(layout.feeds());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: BenchSite PAGES_DIR|- FEEDS ITEMS ADDRESSES [ITEM_BYTES]");
            System.exit(2);
        }
        List<byte[]> pages = args[0].equals("-") ? List.of() : loadPages(Path.of(args[0]));
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 1024);
        SiteLayout layout = new SiteLayout(Integer.parseInt(args[3]), server.getAddress().getPort(),
                Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        BenchSite site = new BenchSite(pages, layout, args.length == 5 ? Integer.parseInt(args[4]) : 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", site::handle);
        server.start();
        System.out.println("port=" + layout.port());
        System.out.flush();
        // the parent holds our stdin: it sends commands, and when it goes away, so do we
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            System.out.println(site.command(line.strip()));
            System.out.flush();
        }
        server.stop(0);
        System.exit(0);
    }

    private String command(String command) {
        switch (command) {
            case "conditional" -> changing = false;
            case "changing" -> changing = true;
            case "stats" -> {
                return "stats feeds200=" + feedsFull.get() + " feeds304=" + feedsNotModified.get() + " feedBytes="
                        + feedBytes.get() + " pages=" + pagesServed.get();
            }
            default -> {
                return "error unknown command '" + command + "'";
            }
        }
        return "ok " + command;
    }

    /** The {@code *.html.gz} pages of {@code dir} (or of {@code dir/html}), still gzipped, in name order. */
    public static List<byte[]> loadPages(Path dir) throws IOException {
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

    public static String gunzip(byte[] gz) {
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
                feed(exchange, Integer.parseInt(parts[2].substring(0, parts[2].length() - 4)));
            } else if (path.startsWith("/a/") && parts.length == 4 && path.endsWith(".html")
                    && !gzippedPages.isEmpty()) {
                int feed = Integer.parseInt(parts[2]);
                int item = Integer.parseInt(parts[3].substring(0, parts[3].length() - 5));
                byte[] gz = gzippedPages.get(layout.pageNumber(feed, item) % gzippedPages.size());
                pagesServed.incrementAndGet();
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

    private void feed(HttpExchange exchange, int feed) throws IOException {
        if (feed < 0 || feed >= layout.feeds()) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        int g = changing ? generation.incrementAndGet(feed) : generation.get(feed);
        String etag = "\"f" + feed + "-g" + g + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", RFC_1123.format(itemTime(g + layout.items() - 1)));
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            feedsNotModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        byte[] body = rss(feed, g).getBytes(StandardCharsets.UTF_8);
        feedsFull.incrementAndGet();
        feedBytes.addAndGet(body.length);
        send(exchange, "application/rss+xml; charset=utf-8", body, false);
    }

    /** Item {@code k} of any feed was published {@code 10 k} seconds after the site's epoch, an hour ago. */
    private Instant itemTime(int k) {
        return published.plusSeconds(10L * k);
    }

    private String rss(int feed, int gen) {
        StringBuilder xml = new StringBuilder(layout.items() * Math.max(300, itemBytes + 64));
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Bench feed ").append(feed).append("</title>")
                .append("<link>").append(layout.feedUrl(feed)).append("</link>")
                .append("<description>benchmark feed</description>\n");
        for (int k = gen + layout.items() - 1; k >= gen; k--) {
            int start = xml.length();
            String link = layout.pageUrl(feed, k);
            xml.append("<item><title>Story ").append(feed).append('-').append(k).append("</title>")
                    .append("<link>").append(link).append("</link>")
                    .append("<guid>").append(link).append("</guid>")
                    .append("<pubDate>").append(RFC_1123.format(itemTime(k))).append("</pubDate>")
                    .append("<description>Story ").append(k).append(" of feed ").append(feed).append('.');
            // pad the description so that the item takes about itemBytes ("</description></item>\n" is 22)
            int missing = itemBytes - (xml.length() - start) - 22;
            for (int i = 0; i < missing; i++) {
                xml.append(FILLER.charAt(i % FILLER.length()));
            }
            xml.append("</description></item>\n");
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
