package org.newsline.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostPolitenessTest {

    @Test
    void atMostTwoConcurrentRequestsPerHostByDefault() throws Exception {
        HostPoliteness politeness = new HostPoliteness(new HostPoliteness.Limits(2, Duration.ZERO), List.of());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futures.add(pool.submit(() -> {
                HostPermit permit = politeness.acquire("news.example.com");
                try {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    running.decrementAndGet();
                } finally {
                    permit.close();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(maxRunning.get()).isEqualTo(2);
        assertThat(HostPoliteness.Limits.defaults()).isEqualTo(new HostPoliteness.Limits(2, Duration.ofSeconds(1)));
    }

    @Test
    void minimumDelayBetweenRequestStartsToOneHost() throws Exception {
        HostPoliteness politeness = new HostPoliteness(new HostPoliteness.Limits(5, Duration.ofMillis(200)), List.of(),
                h -> h);
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            politeness.acquire("a.example").close();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void differentHostsDoNotWaitForEachOther() throws Exception {
        HostPoliteness politeness = new HostPoliteness(new HostPoliteness.Limits(1, Duration.ofSeconds(5)), List.of(),
                h -> h);
        long start = System.nanoTime();
        try (HostPermit a = politeness.acquire("a.example"); HostPermit b = politeness.acquire("b.example")) {
            assertThat(a.key()).isNotEqualTo(b.key());
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void namesForTheSameAddressShareOneLimit() throws Exception {
        HostPoliteness politeness = new HostPoliteness(new HostPoliteness.Limits(1, Duration.ofSeconds(5)), List.of());

        try (HostPermit permit = politeness.acquire("127.0.0.1")) {
            assertThat(permit.key()).isEqualTo("127.0.0.1");
            assertThat(politeness.tryAcquire("localhost")).isEmpty();
        }
    }

    @Test
    void tryAcquireNeverBlocks() {
        HostPoliteness politeness = new HostPoliteness(new HostPoliteness.Limits(1, Duration.ofSeconds(30)), List.of(),
                h -> h);

        assertThat(politeness.tryAcquire("x.example")).isPresent();
        assertThat(politeness.tryAcquire("x.example")).isEmpty();
        assertThat(politeness.delayFor("x.example")).isGreaterThan(Duration.ofSeconds(25));
    }

    @Test
    void backOffHonoursRetryAfter() throws Exception {
        HostPoliteness politeness = new HostPoliteness(new HostPoliteness.Limits(2, Duration.ZERO), List.of(), h -> h);
        politeness.backOff("busy.example", Duration.ofMillis(400));
        long start = System.nanoTime();

        politeness.acquire("busy.example").close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(politeness.tryAcquire("other.example")).isPresent();
    }

    @Test
    void perHostPatternOverridesTheDefaults() {
        HostPoliteness politeness = new HostPoliteness(HostPoliteness.Limits.defaults(), List.of(
                new HostPoliteness.HostRule("*.bigsite.example", new HostPoliteness.Limits(8, Duration.ofMillis(100))),
                new HostPoliteness.HostRule("127.0.0.*", new HostPoliteness.Limits(50, Duration.ZERO))), h -> h);

        assertThat(politeness.limitsFor("www.bigsite.example").maxConcurrent()).isEqualTo(8);
        assertThat(politeness.limitsFor("bigsite.example").maxConcurrent()).isEqualTo(8);
        assertThat(politeness.limitsFor("notbigsite.example")).isEqualTo(HostPoliteness.Limits.defaults());
        assertThat(politeness.limitsFor("127.0.0.9").minDelay()).isZero();
    }

    @Test
    void hostRulesParseFromConfiguration() {
        List<HostPoliteness.HostRule> rules = HostPoliteness.HostRule.parseList("*.example.com=4/500ms; 127.0.0.*=50/0s,slow.example=1/PT5S");

        assertThat(rules).containsExactly(
                new HostPoliteness.HostRule("*.example.com", new HostPoliteness.Limits(4, Duration.ofMillis(500))),
                new HostPoliteness.HostRule("127.0.0.*", new HostPoliteness.Limits(50, Duration.ZERO)),
                new HostPoliteness.HostRule("slow.example", new HostPoliteness.Limits(1, Duration.ofSeconds(5))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostPoliteness.HostRule.parse("x.example=two/1s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.example=two/1s");
    }

    @Test
    void closingAPermitTwiceReleasesOnce() {
        HostPoliteness politeness = new HostPoliteness(new HostPoliteness.Limits(2, Duration.ZERO), List.of(), h -> h);
        HostPermit first = politeness.tryAcquire("h.example").orElseThrow();
        HostPermit second = politeness.tryAcquire("h.example").orElseThrow();

        first.close();
        first.close();

        assertThat(politeness.tryAcquire("h.example")).isPresent();
        assertThat(politeness.tryAcquire("h.example")).isEmpty();
        second.close();
    }
}
