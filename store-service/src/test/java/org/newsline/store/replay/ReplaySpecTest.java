package org.newsline.store.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsline.events.EventCodec;
import org.newsline.runtime.http.ApiException;

/** The selection of a replay as the API takes it, and the small pieces a job is made of. */
class ReplaySpecTest {

    @Test
    void aRawReplayDefaultsToTheGateAndNoRateLimit() throws Exception {
        ReplaySpec spec = ReplayApi.spec(json("{\"kind\": \"raw\", \"since\": \"2026-03-01T00:00:00Z\","
                + " \"feeds\": [\"f1\", \"f2\"], \"urlPrefix\": \"https://example.org/\"}"));
        assertThat(spec.kind()).isEqualTo(ReplayKind.RAW);
        assertThat(spec.since()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(spec.feeds()).containsExactly("f1", "f2");
        assertThat(spec.maxLag()).isEqualTo(ReplaySpec.DEFAULT_MAX_LAG);
        assertThat(spec.rate()).isZero();
        assertThat(ReplayApi.spec(json("{\"kind\": \"articles\"}")).maxLag()).as("no extract downstream").isZero();
    }

    @Test
    void mistakesAreBadRequestsNamingTheField() {
        assertThatThrownBy(() -> ReplayApi.spec(json("{\"kind\": \"everything\"}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> ReplayApi.spec(json("{\"kind\": \"raw\", \"toTopic\": \"mine\"}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("toTopic");
        assertThatThrownBy(() -> ReplayApi.spec(json("{\"kind\": \"raw\", \"since\": \"yesterday\"}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("since");
        assertThatThrownBy(() -> ReplayApi.spec(json("{\"kind\": \"raw\", \"since\": \"2026-03-02T00:00:00Z\","
                + " \"until\": \"2026-03-01T00:00:00Z\"}"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ReplayApi.spec(json("{\"kind\": \"articles\", \"stage\": \"extract\"}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> ReplayApi.spec(json("{\"kind\": \"raw\", \"rate\": -1}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("rate");
    }

    @Test
    void positionsWalkFeedsOneAfterAnother() {
        Position p = Position.START.next("c1", 2);
        assertThat(p).isEqualTo(new Position(0, "c1", false));
        p = p.next(null, 2);
        assertThat(p).isEqualTo(new Position(1, null, false));
        assertThat(p.next(null, 2)).isEqualTo(Position.END);
    }

    @Test
    void aCheckpointSurvivesItsJson() {
        Checkpoint c = new Checkpoint(new Position(1, "abc", false), new ReplayCounts(5, 7, 1, 0));
        assertThat(Checkpoint.fromJson(c.toJson())).isEqualTo(c);
        assertThat(c.toJson().length()).as("fits Kafka's offset metadata").isLessThan(4096);
    }

    @Test
    void theRateLimiterSpacesRecords() throws Exception {
        RateLimiter limiter = new RateLimiter(100);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            limiter.acquire(() -> false);
        }
        assertThat((System.nanoTime() - start) / 1e6).isBetween(180.0, 1000.0);
        RateLimiter none = new RateLimiter(0);
        start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            none.acquire(() -> false);
        }
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(100.0);
    }

    @Test
    void statusReportsAnEta() {
        ReplayStatus s = new ReplayStatus("0123456789ab", ReplaySpec.all(ReplayKind.RAW), ReplayState.RUNNING, 1000,
                new ReplayCounts(400, 400, 0, 0), 100, Instant.EPOCH, Instant.EPOCH, null);
        assertThat(s.etaSeconds()).isEqualTo(6);
        assertThat(EventCodec.encodeToString(s)).contains("\"etaSeconds\":6");
        assertThat(ReplayJobs.isId("0123456789ab")).isTrue();
        assertThat(ReplayJobs.isId("../../etc")).isFalse();
        assertThat(List.of(ReplayKind.values())).extracting(ReplayKind::wireName)
                .containsExactly("raw", "articles", "statements", "dead-letter");
    }

    private static JsonNode json(String s) throws Exception {
        return EventCodec.mapper().readTree(s);
    }
}
