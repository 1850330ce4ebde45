package org.newsline.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.FetchPolicy;
import org.newsline.ingest.http.HttpFetcher;
import org.newsline.ingest.http.LoopbackServer;

class RobotsRulesTest {

    private LoopbackServer server;
    private MutableClock clock;
    private RobotsRules robots;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
        robots = new RobotsRules(new HttpFetcher(server.policy()), "newsline", Duration.ofHours(24),
                Duration.ofMinutes(10), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void disallowedPathIsNotAllowedByRobots() {
        server.serve("/robots.txt", "text/plain", "User-agent: newsline\nDisallow: /private/\n\nUser-agent: *\nDisallow: /");

        assertThatThrownBy(() -> robots.check(server.url("/private/page")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.NOT_ALLOWED_BY_ROBOTS));
    }

    @Test
    void allowedPathPasses() throws Exception {
        server.serve("/robots.txt", "text/plain", "User-agent: newsline\nDisallow: /private/\n");

        robots.check(server.url("/news/1"));
        assertThat(robots.isAllowed(server.url("/news/2"))).isTrue();
    }

    @Test
    void rulesForOtherAgentsDoNotApply() throws Exception {
        server.serve("/robots.txt", "text/plain", "User-agent: googlebot\nDisallow: /\n");

        assertThat(robots.isAllowed(server.url("/a"))).isTrue();
    }

    @Test
    void crawlDelayIsReported() throws Exception {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3\n");

        assertThat(robots.crawlDelay(server.url("/a"))).contains(Duration.ofSeconds(3));
    }

    @Test
    void missingRobotsTxtAllowsEverything() throws Exception {
        assertThat(robots.isAllowed(server.url("/anything"))).isTrue();
    }

    @Test
    void serverErrorDisallowsBrieflyThenRetries() throws Exception {
        server.serve("/robots.txt", 503, "text/plain", new byte[0]);

        assertThat(robots.isAllowed(server.url("/a"))).isFalse();
        assertThat(server.requests("/robots.txt")).isEqualTo(1);

        server.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        clock.advance(Duration.ofMinutes(11));

        assertThat(robots.isAllowed(server.url("/a"))).isTrue();
        assertThat(server.requests("/robots.txt")).isEqualTo(2);
    }

    @Test
    void rulesAreCachedPerSite() throws Exception {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /x\n");

        for (int i = 0; i < 5; i++) {
            robots.isAllowed(server.url("/page" + i));
        }

        assertThat(server.requests("/robots.txt")).isEqualTo(1);
    }

    @Test
    void robotsForABlockedAddressIsTheFetchersError() {
        RobotsRules strict = new RobotsRules(new HttpFetcher(FetchPolicy.defaults()), "newsline");

        assertThatThrownBy(() -> strict.check("http://10.0.0.1/page"))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
