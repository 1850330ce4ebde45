package org.newsline.cli.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A news site on a loopback port for the fault suite: {@code items} items spread over several RSS feeds plus a
 * "top stories" feed that repeats some articles, published one by one over a window (a feed lists every item
 * published so far, newest first), and article pages generated on the fly. Some links are meant to fail
 * ({@link ItemKind}): a 404 or a PDF.
 */
final class FeedSite implements AutoCloseable {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String[] SPEAKERS = {"Mayor Jane Alvarez", "Governor Tom Reilly", "Senator Ada Brooks",
            "Chief Engineer Omar Haddad", "Professor Lena Fischer", "Union leader Sam Okafor"};
    private static final String[] TOPICS = {"harbor bridge", "river study", "rail strike", "city library",
            "water rates", "school budget", "wind farm", "night buses"};

    private final HttpServer server;
    private final ExecutorService executor;
    private final int items;
    private final int feeds;
    private final long seed;
    private volatile Instant start = Instant.MAX;
    private volatile Duration window = Duration.ZERO;

    private FeedSite(HttpServer server, ExecutorService executor, int items, int feeds, long seed) {
        this.server = server;
        this.executor = executor;
        this.items = items;
        this.feeds = feeds;
        this.seed = seed;
    }

    static FeedSite start(int port, int items, int feeds, long seed) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "faults-feed-site");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        FeedSite site = new FeedSite(server, executor, items, feeds, seed);
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    /** Starts publishing: item {@code i} appears at {@code now + window * i / items}. */
    void publishOver(Duration window) {
        this.window = window;
        this.start = Instant.now();
    }

    boolean allPublished() {
        return published(Instant.now()) == items;
    }

    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private String base() {
        return "http://" + hostAndPort();
    }

    /** Every feed to subscribe. */
    List<String> feedUrls() {
        List<String> urls = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            urls.add(base() + "/feeds/" + f + ".xml");
        }
        urls.add(base() + "/feeds/top.xml");
        return urls;
    }

    String link(int item) {
        return base() + "/news/" + item + ".html";
    }

    int items() {
        return items;
    }

    /** The top-stories feed repeats one article in forty: the same article reached through two feeds. */
    static boolean isTopStory(int item) {
        return item % 40 == 3 && ItemKind.of(item) == ItemKind.ARTICLE;
    }

    private int published(Instant now) {
        if (now.isBefore(start)) {
            return 0;
        }
        if (window.isZero()) {
            return items;
        }
        long elapsed = Duration.between(start, now).toMillis();
        long total = Math.max(1, window.toMillis());
        return (int) Math.min(items, (elapsed * items) / total + 1);
    }

    private Instant publishedAt(int item) {
        return start.plusMillis(window.toMillis() * item / items);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                String name = path.substring("/feeds/".length(), path.length() - ".xml".length());
                send(exchange, 200, "application/rss+xml; charset=utf-8", feed(name));
            } else if (path.startsWith("/news/") && path.endsWith(".html")) {
                int item = parseItem(path.substring("/news/".length(), path.length() - ".html".length()));
                if (item < 0 || item >= items || published(Instant.now()) <= item) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found");
                    return;
                }
                switch (ItemKind.of(item)) {
                    case GONE -> send(exchange, 404, "text/html; charset=utf-8", "<html><body>gone</body></html>");
                    case NOT_HTML -> send(exchange, 200, "application/pdf", "%PDF-1.4\n% item " + item + "\n%%EOF\n");
                    default -> send(exchange, 200, "text/html; charset=utf-8", article(item));
                }
            } else if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain; charset=utf-8", "User-agent: *\nAllow: /\n");
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    private static int parseItem(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String feed(String name) {
        int upTo = published(Instant.now());
        StringBuilder sb = new StringBuilder(upTo / Math.max(1, feeds) * 260 + 400);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Fault Gazette ")
                .append(name).append("</title><link>").append(base()).append("/</link>")
                .append("<description>generated</description>\n");
        boolean top = name.equals("top");
        int feed = top ? -1 : parseItem(name);
        for (int i = upTo - 1; i >= 0; i--) {
            if (top ? !isTopStory(i) : i % feeds != feed) {
                continue;
            }
            sb.append("<item><title>").append(title(i)).append("</title><link>").append(link(i))
                    .append("</link><guid isPermaLink=\"true\">").append(link(i)).append("</guid><pubDate>")
                    .append(RFC_1123.format(publishedAt(i))).append("</pubDate><description>Report ").append(i)
                    .append("</description></item>\n");
        }
        sb.append("</channel></rss>\n");
        return sb.toString();
    }

    private String title(int item) {
        return "Council weighs the " + TOPICS[item % TOPICS.length] + " (report " + item + ")";
    }

    /** A plausible article with a few attributed quotes, the same for the same item and seed. */
    private String article(int item) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + item);
        String topic = TOPICS[item % TOPICS.length];
        StringBuilder body = new StringBuilder();
        int paragraphs = 4 + r.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            String speaker = SPEAKERS[r.nextInt(SPEAKERS.length)];
            body.append("<p>The council met on Tuesday to discuss the ").append(topic).append(" for the ")
                    .append(p + 1).append(" time this year, and residents filled the hall for report ").append(item)
                    .append(". Several members asked for more detail on costs, timing and the effect on nearby ")
                    .append("neighbourhoods before any vote is taken.</p>\n");
            if (r.nextInt(3) > 0) {
                body.append("<p>\"We will not rush a decision on the ").append(topic).append(" that people depend ")
                        .append("on every day,\" said ").append(speaker).append(". \"The numbers have to add up ")
                        .append("first.\"</p>\n");
            }
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title(item)
                + "</title><meta name=\"author\" content=\"Staff Writer\"><meta property=\"article:published_time\""
                + " content=\"" + publishedAt(item) + "\"></head><body><header><nav><a href=\"/\">Home</a> | "
                + "<a href=\"/feeds/top.xml\">Top</a></nav></header><main><article><h1>" + title(item) + "</h1>"
                + "<p class=\"byline\">By Staff Writer</p>" + body + "</article></main><footer>Fault Gazette, "
                + "all rights reserved.</footer></body></html>";
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
        executor.shutdownNow();
    }
}
