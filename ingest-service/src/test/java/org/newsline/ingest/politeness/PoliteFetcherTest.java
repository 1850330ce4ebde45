package org.newsline.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.HttpFetcher;
import org.newsline.ingest.http.LoopbackServer;

class PoliteFetcherTest {

    private LoopbackServer server;
    private HostPoliteness politeness;
    private PoliteFetcher polite;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        HttpFetcher fetcher = new HttpFetcher(server.policy());
        politeness = new HostPoliteness(new HostPoliteness.Limits(2, Duration.ZERO), List.of(), h -> h);
        polite = new PoliteFetcher(fetcher, politeness, new RobotsRules(fetcher, "newsline"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void retryAfterOn429MakesTheHostWait() {
        server.serve("/busy", 429, "text/plain", new byte[0], "Retry-After", "120");

        assertThatThrownBy(() -> polite.fetch(server.url("/busy"), null, false)).isInstanceOf(FetchException.class);

        assertThat(politeness.delayFor("127.0.0.1")).isGreaterThan(Duration.ofSeconds(110));
        assertThat(politeness.tryAcquire("127.0.0.1")).isEmpty();
    }

    @Test
    void serviceUnavailableWithoutRetryAfterBacksOffByDefault() {
        server.serve("/down", 503, "text/plain", new byte[0]);

        assertThatThrownBy(() -> polite.fetch(server.url("/down"), null, false)).isInstanceOf(FetchException.class);

        assertThat(politeness.delayFor("127.0.0.1")).isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    void cachedRobotsCheckDoesNotUseUpTheHostsDelay() throws Exception {
        HttpFetcher fetcher = new HttpFetcher(server.policy());
        HostPoliteness slow = new HostPoliteness(new HostPoliteness.Limits(1, Duration.ofMillis(500)), List.of(), h -> h);
        PoliteFetcher p = new PoliteFetcher(fetcher, slow, new RobotsRules(fetcher, "newsline"));
        server.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n").serve("/a", "text/plain", "a");
        p.fetch(server.url("/a"), null, true);     // robots.txt, then /a: two requests, one delay apart
        long start = System.nanoTime();

        p.fetch(server.url("/a"), null, true);
        p.fetch(server.url("/a"), null, true);

        // two page fetches take about two delays (1 s); a permit for each robots check would make it four (2 s)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(server.requests("/robots.txt")).isEqualTo(1);
    }

    @Test
    void robotsDisallowIsEnforcedWhenAsked() throws Exception {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private\n")
                .serve("/private", "text/plain", "no").serve("/public", "text/plain", "yes");

        assertThatThrownBy(() -> polite.fetch(server.url("/private"), null, true))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.NOT_ALLOWED_BY_ROBOTS));
        assertThat(server.requests("/private")).isZero();
        assertThat(polite.fetch(server.url("/public"), null, true).text()).isEqualTo("yes");
        assertThat(polite.fetch(server.url("/private"), null, false).text()).isEqualTo("no");
    }
}
