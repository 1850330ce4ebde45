package org.newsline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        fetcher = new HttpFetcher(server.policy());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void fetchesPageWithStatusHeadersAndBody() throws Exception {
        server.serve("/page", 200, "text/html; charset=utf-8", "<html><p>Grüße</p></html>".getBytes(StandardCharsets.UTF_8),
                "ETag", "\"v1\"", "X-Custom", "yes");

        FetchResult r = fetcher.fetch(server.url("/page"), null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.isHtml()).isTrue();
        assertThat(r.notModified()).isFalse();
        assertThat(r.text()).isEqualTo("<html><p>Grüße</p></html>");
        assertThat(r.charset()).isEqualTo("utf-8");
        assertThat(r.headers()).containsEntry("etag", "\"v1\"").containsEntry("x-custom", "yes");
        assertThat(r.finalUrl()).isEqualTo(server.url("/page"));
        assertThat(r.elapsed()).isPositive();
    }

    @Test
    void sendsUserAgentNamingTheProjectAndAcceptEncoding() throws Exception {
        server.serve("/ua", "text/plain", "ok");

        fetcher.fetch(server.url("/ua"), null);

        assertThat(server.lastRequestHeaders("/ua").get("user-agent")).contains("Newsline").contains("http");
        assertThat(server.lastRequestHeaders("/ua").get("accept-encoding")).contains("gzip");
        assertThat(server.lastRequestHeaders("/ua").get("host")).isEqualTo(server.hostPort());
    }

    @Test
    void conditionalGetWithValidatorsGives304NotModified() throws Exception {
        server.route("/feed", exchange -> {
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ims = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            if ("\"abc\"".equals(inm) && "Wed, 21 Oct 2026 07:28:00 GMT".equals(ims)) {
                LoopbackServer.send(exchange, 304, new byte[0]);
            } else {
                exchange.getResponseHeaders().set("ETag", "\"abc\"");
                exchange.getResponseHeaders().set("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT");
                LoopbackServer.send(exchange, 200, "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchResult first = fetcher.fetch(server.url("/feed"), null);
        FetchResult second = fetcher.fetch(server.url("/feed"), Validators.of(first));

        assertThat(first.notModified()).isFalse();
        assertThat(Validators.of(first)).isEqualTo(new Validators("\"abc\"", "Wed, 21 Oct 2026 07:28:00 GMT"));
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
    }

    @Test
    void retryAfterSecondsOn429() {
        server.serve("/busy", 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8), "Retry-After", "120");

        assertThatThrownBy(() -> fetcher.fetch(server.url("/busy"), null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_ERROR);
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(e.isTransient()).isTrue();
                });
    }

    @Test
    void retryAfterHttpDateOn503() {
        String in90s = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(90));
        server.serve("/down", 503, "text/plain", new byte[0], "Retry-After", in90s);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/down"), null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).hasValueSatisfying(d ->
                            assertThat(d).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(91)));
                });
    }

    @Test
    void notFoundIsHttpErrorWithStatus() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("/missing"), null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_ERROR);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void followsRelativeRedirectsAndReportsFinalUrl() throws Exception {
        server.redirect("/old", 301, "/middle").redirect("/middle", 302, server.url("/new"))
                .serve("/new", "text/plain", "moved here");

        FetchResult r = fetcher.fetch(server.url("/old"), null);

        assertThat(r.text()).isEqualTo("moved here");
        assertThat(r.url()).isEqualTo(server.url("/old"));
        assertThat(r.finalUrl()).isEqualTo(server.url("/new"));
    }

    @Test
    void internationalHostAndPathAreEncoded() throws Exception {
        server.serve("/ü x", "text/plain", "umlaut");   // the server decodes the path
        HostResolver idnIsLoopback = host -> new java.net.InetAddress[] {
                java.net.InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        HttpFetcher f = new HttpFetcher(server.policy().withAllowedHost("xn--bcher-kva.example:" + server.port()),
                idnIsLoopback);

        FetchResult r = f.fetch("http://bücher.example:" + server.port() + "/ü x", null);

        assertThat(r.text()).isEqualTo("umlaut");
        assertThat(server.lastRequestHeaders("/ü x").get("host")).isEqualTo("xn--bcher-kva.example:" + server.port());
    }

    @Test
    void chunkedBodyIsDecoded() throws Exception {
        server.route("/chunked", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });

        FetchResult r = fetcher.fetch(server.url("/chunked"), null);

        assertThat(r.text()).startsWith("line 0\n").endsWith("line 99\n");
    }

    @Test
    void gzipBodyIsDecoded() throws Exception {
        server.serve("/gz", 200, "text/plain; charset=utf-8", gzip("zipped text".getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", "gzip");

        assertThat(fetcher.fetch(server.url("/gz"), null).text()).isEqualTo("zipped text");
    }

    @Test
    void deflateBodyIsDecodedZlibWrappedAndRaw() throws Exception {
        byte[] text = "deflated text".getBytes(StandardCharsets.UTF_8);
        server.serve("/zlib", 200, "text/plain", deflate(text, false), "Content-Encoding", "deflate")
                .serve("/raw", 200, "text/plain", deflate(text, true), "Content-Encoding", "deflate");

        assertThat(fetcher.fetch(server.url("/zlib"), null).text()).isEqualTo("deflated text");
        assertThat(fetcher.fetch(server.url("/raw"), null).text()).isEqualTo("deflated text");
    }

    @Test
    void pdfIsReturnedAsNotHtml() throws Exception {
        server.serve("/doc.pdf", 200, "application/pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1));

        FetchResult r = fetcher.fetch(server.url("/doc.pdf"), null);

        assertThat(r.isHtml()).isFalse();
        assertThat(r.mimeType()).isEqualTo("application/pdf");
    }

    @Test
    void imageIsReturnedAsNotHtml() throws Exception {
        server.serve("/a.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThat(fetcher.fetch(server.url("/a.png"), null).isHtml()).isFalse();
    }

    @Test
    void htmlWithoutContentTypeIsSniffed() throws Exception {
        server.serve("/untyped", 200, null, "\n<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(fetcher.fetch(server.url("/untyped"), null).isHtml()).isTrue();
    }

    @Test
    void charsetFromHeaderWinsOverMeta() throws Exception {
        byte[] latin = "<html><meta charset=utf-8>café</html>".getBytes(StandardCharsets.ISO_8859_1);
        server.serve("/latin", 200, "text/html; charset=ISO-8859-1", latin);

        FetchResult r = fetcher.fetch(server.url("/latin"), null);

        assertThat(r.text()).contains("café");
        assertThat(r.charset()).isEqualTo("windows-1252");
    }

    @Test
    void charsetFromMetaWhenHeaderHasNone() throws Exception {
        byte[] body = "<html><head><meta charset=\"windows-1251\"></head>Привет</html>".getBytes(Charset.forName("windows-1251"));
        server.serve("/cyr", 200, "text/html", body);

        assertThat(fetcher.fetch(server.url("/cyr"), null).text()).contains("Привет");
    }

    @Test
    void connectionRefusedIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpFetcher f = new HttpFetcher(server.policy().withAllowedHost("127.0.0.1:" + port));

        assertThatThrownBy(() -> f.fetch("http://127.0.0.1:" + port + "/", null))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.UNREACHABLE));
    }

    @Test
    void unknownHostIsUnreachable() {
        HttpFetcher f = new HttpFetcher(FetchPolicy.defaults(), host -> {
            throw new java.net.UnknownHostException(host);
        });

        assertThatThrownBy(() -> f.fetch("http://no-such-host.invalid/", null))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.UNREACHABLE));
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
