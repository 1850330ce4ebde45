package org.newsline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the pinned connection: the socket goes to the checked IP while the Host header, SNI and the
 * certificate check use the name. The certificate is made by the JDK's keytool for "news.test" only.
 */
class HttpFetcherTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static SSLContext clientContext;
    private static volatile String lastHost;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=news.test",
                "-ext", "SAN=dns:news.test", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", ks.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            lastHost = exchange.getRequestHeaders().getFirst("Host");
            byte[] body = "secure hello".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void httpsToTheCheckedAddressWithTheNamesCertificateAndHostHeader() throws Exception {
        int port = server.getAddress().getPort();
        HostResolver newsTestIsLoopback = host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        HttpFetcher fetcher = new HttpFetcher(FetchPolicy.defaults().withAllowedHost("news.test:" + port),
                newsTestIsLoopback, clientContext.getSocketFactory());

        FetchResult r = fetcher.fetch("https://news.test:" + port + "/page", null);

        assertThat(r.text()).isEqualTo("secure hello");
        assertThat(lastHost).isEqualTo("news.test:" + port);
    }

    @Test
    void certificateForAnotherNameIsRefused() {
        int port = server.getAddress().getPort();
        HostResolver otherIsLoopback = host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        HttpFetcher fetcher = new HttpFetcher(FetchPolicy.defaults().withAllowedHost("other.test:" + port),
                otherIsLoopback, clientContext.getSocketFactory());

        assertThatThrownBy(() -> fetcher.fetch("https://other.test:" + port + "/page", null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.PROTOCOL);
                    assertThat(e.getMessage()).contains("TLS handshake failed");
                });
    }

    @Test
    void untrustedCertificateIsRefused() {
        int port = server.getAddress().getPort();
        HostResolver newsTestIsLoopback = host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        HttpFetcher fetcher = new HttpFetcher(FetchPolicy.defaults().withAllowedHost("news.test:" + port),
                newsTestIsLoopback);

        assertThatThrownBy(() -> fetcher.fetch("https://news.test:" + port + "/page", null))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.PROTOCOL));
    }
}
