package org.newsline.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and layout, without starting anything. */
class BenchPiecesTest {

    @Test
    void pagesAndFeedsAreSpreadOverEveryAddress() {
        SiteLayout layout = new SiteLayout(25, 8000, 100, 100);
        Set<String> hosts = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (int f = 0; f < 100; f++) {
            for (int i = 0; i < 100; i++) {
                String url = layout.pageUrl(f, i);
                urls.add(url);
                hosts.add(url.substring(7, url.indexOf(':', 7)));
            }
        }
        assertThat(urls).hasSize(10_000);
        assertThat(hosts).hasSize(25).contains("127.0.0.2", "127.0.0.26");
        assertThat(layout.feedUrl(3)).isEqualTo("http://127.0.0.5:8000/feeds/3.xml");
    }

    @Test
    void manyAddressesGoOnPast127_0_0_255() {
        SiteLayout layout = new SiteLayout(1000, 8000, 10_000, 20);
        Set<String> hosts = new HashSet<>();
        for (int f = 0; f < 10_000; f++) {
            String url = layout.feedUrl(f);
            hosts.add(url.substring(7, url.indexOf(':', 7)));
        }
        assertThat(hosts).hasSize(1000).contains("127.0.0.2", "127.0.0.255", "127.0.1.0", "127.0.3.233")
                .doesNotContain("127.0.3.234");
    }

    @Test
    void percentilesAreNearestRank() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= 2000; i++) {
            r.record(i);
        }
        assertThat(r.percentile(50)).isEqualTo(1000);
        assertThat(r.percentile(99)).isEqualTo(1980);
        assertThat(r.max()).isEqualTo(2000);
        assertThat(new LatencyRecorder().percentile(50)).isEqualTo(-1);
    }

    @Test
    void rateCountsFromTheLastIdleReadingToTheFirstFinalOne() {
        List<Sample> samples = List.of(sample(0, 0), sample(1000, 0), sample(2000, 50), sample(3000, 100),
                sample(4000, 100));
        assertThat(PipelineBench.rate(samples, Sample::stored)).isEqualTo(50.0);
    }

    @Test
    void threadsAreChargedToTheirStage() {
        assertThat(StageCpu.stageOf("newsline-rawpage-worker")).isEqualTo("extract");
        assertThat(StageCpu.stageOf("newsline-page-fetch")).isEqualTo("fetch");
        assertThat(StageCpu.stageOf("newsline-store")).isEqualTo("store");
        assertThat(StageCpu.stageOf("data-plane-kafka-request-handler-0")).isEqualTo(StageCpu.BROKER_OTHER);
    }

    private static Sample sample(long millis, long stored) {
        return new Sample(millis, 0, 0, 0, stored, 0, 0, 0, 0, 0);
    }
}
