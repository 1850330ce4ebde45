package org.newsline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers and URLs that try to hurt the fetcher: each must end in a named {@link FetchException}, quickly. */
class HttpFetcherHostileInputTest {

    private static final long LIMIT = 64 * 1024;

    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // --- URLs -----------------------------------------------------------------------------------------------

    @Test
    void fileUrlIsRefused() {
        assertKind(() -> fetcher().fetch("file:///etc/passwd", null), FetchException.Kind.INVALID_URL);
    }

    @Test
    void ftpUrlIsRefused() {
        assertKind(() -> fetcher().fetch("ftp://ftp.example.com/feed.xml", null), FetchException.Kind.INVALID_URL);
    }

    @Test
    void javascriptUrlIsRefused() {
        assertKind(() -> fetcher().fetch("javascript:alert(1)", null), FetchException.Kind.INVALID_URL);
    }

    @Test
    void relativeAndEmptyUrlsAreRefused() {
        assertKind(() -> fetcher().fetch("/feed.xml", null), FetchException.Kind.INVALID_URL);
        assertKind(() -> fetcher().fetch("", null), FetchException.Kind.INVALID_URL);
        assertKind(() -> fetcher().fetch("http:///nohost", null), FetchException.Kind.INVALID_URL);
    }

    // --- addresses ------------------------------------------------------------------------------------------

    @Test
    void loopbackIsBlockedByDefaultAndNoConnectionIsOpened() {
        server.serve("/", "text/plain", "secret");
        HttpFetcher strict = new HttpFetcher(FetchPolicy.defaults());

        assertKind(() -> strict.fetch(server.url("/"), null), FetchException.Kind.BLOCKED_ADDRESS);
        assertThat(server.requests()).isZero();
    }

    @Test
    void hostNameThatResolvesToPrivateAddressIsBlocked() throws Exception {
        // 127.0.0.1:port is allowed, but "localhost" is a different name that happens to resolve to loopback
        server.serve("/", "text/plain", "secret");

        assertKind(() -> fetcher().fetch("http://localhost:" + server.port() + "/", null),
                FetchException.Kind.BLOCKED_ADDRESS);
        assertThat(server.requests()).isZero();
    }

    @Test
    void hostNameThatResolvesToPrivateAddressThroughAHostsFileIsBlocked(@TempDir Path dir) throws Exception {
        // the system resolver answers from a hosts file (given to a JVM of its own), so this runs offline; the
        // loopback name comes first and has a server behind it, which proves no connection is even opened
        try (RawServer raw = new RawServer(s -> RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 news.loopback.test\n"
                    + "10.20.30.40 intranet.newsline.test\n" + "192.168.1.1 router.newsline.test\n");
            List<String> urls = List.of("http://news.loopback.test:" + raw.port() + "/feed.xml",
                    "http://intranet.newsline.test/feed.xml", "https://router.newsline.test/admin");

            List<String> lines = runJava(HostsFileFetch.class, urls, "-Djdk.net.hosts.file=" + hosts).stream()
                    .filter(line -> line.startsWith("http")).toList();

            assertThat(lines).containsExactly(urls.get(0) + " BLOCKED_ADDRESS", urls.get(1) + " BLOCKED_ADDRESS",
                    urls.get(2) + " BLOCKED_ADDRESS");
            assertThat(raw.connections()).isZero();
        }
    }

    @Test
    void blockedHostIsNeverConnectedTo() throws Exception {
        try (RawServer raw = new RawServer(s -> RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            HttpFetcher f = new HttpFetcher(policyFor(raw.hostPort()));

            assertKind(() -> f.fetch("http://localhost:" + raw.port() + "/", null), FetchException.Kind.BLOCKED_ADDRESS);
            assertKind(() -> new HttpFetcher(FetchPolicy.defaults()).fetch(raw.url("/"), null),
                    FetchException.Kind.BLOCKED_ADDRESS);
            Thread.sleep(100);   // a connection, had one been made, would have been accepted by now
            assertThat(raw.connections()).isZero();
            assertThat(f.fetch(raw.url("/"), null).text()).isEqualTo("ok");   // the allowed host:port does connect
            assertThat(raw.connections()).isEqualTo(1);
        }
    }

    @Test
    void hostNameWithAnyPrivateAnswerIsBlockedEvenIfAnotherIsPublic() throws Exception {
        HostResolver rebinding = host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})};
        HttpFetcher f = new HttpFetcher(FetchPolicy.defaults(), rebinding);

        assertKind(() -> f.fetch("http://rebind.example/", null), FetchException.Kind.BLOCKED_ADDRESS);
    }

    @Test
    void ipv6LoopbackLiteralIsBlocked() {
        assertKind(() -> new HttpFetcher(FetchPolicy.defaults()).fetch("http://[::1]:8080/", null),
                FetchException.Kind.BLOCKED_ADDRESS);
    }

    @Test
    void redirectToPrivateAddressIsBlocked() {
        server.redirect("/r", 302, "http://192.168.1.1/admin");

        assertKind(() -> fetcher().fetch(server.url("/r"), null), FetchException.Kind.BLOCKED_ADDRESS);
    }

    @Test
    void redirectToLocalhostNameIsBlockedAndNotFollowed() {
        server.redirect("/r", 302, "http://localhost:" + server.port() + "/internal")
                .serve("/internal", "text/plain", "secret");

        assertKind(() -> fetcher().fetch(server.url("/r"), null), FetchException.Kind.BLOCKED_ADDRESS);
        assertThat(server.requests("/internal")).isZero();
    }

    @Test
    void redirectToFileUrlIsRefused() {
        server.redirect("/r", 301, "file:///etc/passwd");

        assertKind(() -> fetcher().fetch(server.url("/r"), null), FetchException.Kind.INVALID_URL);
    }

    @Test
    void redirectLoopIsRefused() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");

        assertKind(() -> fetcher().fetch(server.url("/a"), null), FetchException.Kind.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void moreThanFiveRedirectsAreRefused() {
        for (int i = 0; i < 7; i++) {
            server.redirect("/hop" + i, 302, "/hop" + (i + 1));
        }
        server.serve("/hop7", "text/plain", "end");

        assertKind(() -> fetcher().fetch(server.url("/hop0"), null), FetchException.Kind.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).isEqualTo(6);
    }

    @Test
    void slowDnsIsCutOffByTheTotalTimeout() {
        HostResolver slow = host -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.net.UnknownHostException(host);
        };
        HttpFetcher f = new HttpFetcher(policyFor("unused:1"), slow);
        long start = System.nanoTime();

        assertKind(() -> f.fetch("http://slow-dns.example/", null), FetchException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    // --- bodies ---------------------------------------------------------------------------------------------

    @Test
    void endlessBodyIsCutOffAtTheLimit() throws Exception {
        try (RawServer endless = new RawServer(s -> {
            RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
            byte[] chunk = new byte[8192];
            OutputStream out = s.getOutputStream();
            while (true) {
                out.write(chunk);
            }
        })) {
            HttpFetcher f = new HttpFetcher(policyFor(endless.hostPort()));
            long start = System.nanoTime();

            assertKind(() -> f.fetch(endless.url("/"), null), FetchException.Kind.TOO_LARGE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void endlessChunkedBodyIsCutOffAtTheLimit() throws Exception {
        try (RawServer endless = new RawServer(s -> {
            RawServer.write(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            while (true) {
                RawServer.write(s, "1000\r\n" + "x".repeat(4096) + "\r\n");
            }
        })) {
            assertKind(() -> new HttpFetcher(policyFor(endless.hostPort())).fetch(endless.url("/"), null),
                    FetchException.Kind.TOO_LARGE);
        }
    }

    @Test
    void contentLengthAboveTheLimitFailsBeforeReading() {
        server.serve("/big", 200, "text/plain", new byte[(int) LIMIT + 1]);

        assertKind(() -> fetcher().fetch(server.url("/big"), null), FetchException.Kind.TOO_LARGE);
    }

    @Test
    void gzipBombIsCutOffAtTheDecodedLimit() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);          // 64 MiB of zeros, about 64 KiB... far less on the wire
            }
        }
        assertThat(compressed.size()).isLessThan((int) LIMIT);
        server.serve("/bomb", 200, "text/html", compressed.toByteArray(), "Content-Encoding", "gzip");

        assertKind(() -> fetcher().fetch(server.url("/bomb"), null), FetchException.Kind.TOO_LARGE);
    }

    @Test
    void deflateBombIsCutOffAtTheDecodedLimit() throws Exception {
        byte[] bomb = HttpFetcherTest.deflate(new byte[32 << 20], false);
        assertThat(bomb.length).isLessThan((int) LIMIT);
        server.serve("/bomb", 200, "text/html", bomb, "Content-Encoding", "deflate");

        assertKind(() -> fetcher().fetch(server.url("/bomb"), null), FetchException.Kind.TOO_LARGE);
    }

    @Test
    void corruptGzipIsProtocolError() {
        server.serve("/bad", 200, "text/html", "not gzip at all".getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "gzip");

        assertKind(() -> fetcher().fetch(server.url("/bad"), null), FetchException.Kind.PROTOCOL);
    }

    @Test
    void slowDripIsCutOffByTheTotalTimeout() throws Exception {
        try (RawServer drip = new RawServer(s -> {
            RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
            while (true) {
                RawServer.write(s, "x");
                Thread.sleep(200);      // always within the read timeout, never finishing
            }
        })) {
            HttpFetcher f = new HttpFetcher(policyFor(drip.hostPort()));
            long start = System.nanoTime();

            assertKind(() -> f.fetch(drip.url("/"), null), FetchException.Kind.TIMEOUT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
        }
    }

    @Test
    void slowDripOfHeadersIsCutOffByTheTotalTimeout() throws Exception {
        try (RawServer drip = new RawServer(s -> {
            RawServer.write(s, "HTTP/1.1 200 OK\r\n");
            while (true) {
                RawServer.write(s, "X-A: b\r\n");
                Thread.sleep(100);
            }
        })) {
            assertKind(() -> new HttpFetcher(policyFor(drip.hostPort())).fetch(drip.url("/"), null),
                    FetchException.Kind.TIMEOUT);
        }
    }

    @Test
    void silentServerHitsTheReadTimeout() throws Exception {
        try (RawServer silent = new RawServer(s -> Thread.sleep(10_000))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> new HttpFetcher(policyFor(silent.hostPort())).fetch(silent.url("/"), null))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("read timeout");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void garbageStatusLineIsProtocolError() throws Exception {
        try (RawServer junk = new RawServer(s -> RawServer.write(s, "SSH-2.0-OpenSSH_9.6\r\n\r\n"))) {
            assertKind(() -> new HttpFetcher(policyFor(junk.hostPort())).fetch(junk.url("/"), null),
                    FetchException.Kind.PROTOCOL);
        }
    }

    @Test
    void endlessHeaderLineIsProtocolError() throws Exception {
        try (RawServer junk = new RawServer(s -> {
            RawServer.write(s, "HTTP/1.1 200 OK\r\nX-Long: ");
            while (true) {
                RawServer.write(s, "a".repeat(4096));
            }
        })) {
            assertKind(() -> new HttpFetcher(policyFor(junk.hostPort())).fetch(junk.url("/"), null),
                    FetchException.Kind.PROTOCOL);
        }
    }

    @Test
    void truncatedBodyIsProtocolError() throws Exception {
        try (RawServer junk = new RawServer(s -> RawServer.write(s,
                "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"))) {
            assertKind(() -> new HttpFetcher(policyFor(junk.hostPort())).fetch(junk.url("/"), null),
                    FetchException.Kind.PROTOCOL);
        }
    }

    @Test
    void invalidUtf8BytesInUtf8TextAreReplacedNotThrown() throws Exception {
        byte[] prefix = "<p>Grüße aus Köln ".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = {(byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '<', '/', 'p', '>'};
        byte[] body = new byte[prefix.length + damaged.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(damaged, 0, body, prefix.length, damaged.length);
        server.serve("/bad-utf8", 200, "text/html; charset=utf-8", body);

        FetchResult r = fetcher().fetch(server.url("/bad-utf8"), null);

        assertThat(r.charset()).isEqualTo("utf-8");
        assertThat(r.text()).startsWith("<p>Grüße aus Köln ").contains("\uFFFD").endsWith("</p>");
    }

    @Test
    void mislabelledUtf8OnWindows1252BytesIsReadAsWindows1252() throws Exception {
        byte[] body = "<p>Café “quoted” naïve</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        server.serve("/mislabelled", 200, "text/html; charset=utf-8", body);

        FetchResult r = fetcher().fetch(server.url("/mislabelled"), null);

        assertThat(r.text()).isEqualTo("<p>Café “quoted” naïve</p>");
        assertThat(r.charset()).isEqualTo("windows-1252");
    }

    @Test
    void mislabelledLatin1OnUtf8BytesIsReadAsUtf8() throws Exception {
        byte[] body = "<html><meta charset=iso-8859-1><p>Zürich – Köln</p></html>".getBytes(StandardCharsets.UTF_8);
        server.serve("/mislabelled", 200, "text/html", body);

        assertThat(fetcher().fetch(server.url("/mislabelled"), null).text()).contains("Zürich – Köln");
    }

    @Test
    void headerValuesCannotInjectRequestLines() throws Exception {
        server.serve("/v", "text/plain", "ok");

        fetcher().fetch(server.url("/v"), new Validators("\"x\"\r\nX-Injected: 1", null));

        assertThat(server.lastRequestHeaders("/v")).doesNotContainKey("x-injected");
    }

    /** Runs {@code main} in a new JVM with this test's class path and {@code jvmArgs}; its output lines. */
    private static List<String> runJava(Class<?> main, List<String> args, String... jvmArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(jvmArgs));
        command.add(main.getName());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", main.getSimpleName()).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().filter(l -> !l.isBlank()).toList();
        } finally {
            p.destroyForcibly();
        }
    }

    private HttpFetcher fetcher() {
        return new HttpFetcher(server.policy());
    }

    private static FetchPolicy policyFor(String hostPort) {
        return FetchPolicy.defaults().withAllowedHost(hostPort).withMaxBodyBytes(LIMIT)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private static void assertKind(ThrowingCallable call, FetchException.Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FetchException.class,
                e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
    }
}
