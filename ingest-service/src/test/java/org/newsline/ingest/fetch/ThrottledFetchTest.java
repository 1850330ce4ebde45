package org.newsline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsline.events.FetchRequest;
import org.newsline.ingest.http.FetchException;

/** What the fetch stage does with a 429 or 503: when it tries again, and when it gives up. */
class ThrottledFetchTest {

    private static final FetchRequest REQUEST = FetchRequest.of("https://example.org/a.html", "feed", null,
            Instant.now());

    private static FetchException answer(int status, Duration retryAfter) {
        return new FetchException(FetchException.Kind.HTTP_ERROR, REQUEST.url(), "HTTP status " + status, status,
                retryAfter, null);
    }

    @Test
    void aThrottledPageIsPutAsideUntilItsRetryAfter() {
        Instant before = Instant.now();
        PageFetchService.Fetched f = PageFetchService.throttled(REQUEST, answer(429, Duration.ofMinutes(2)), 1);
        assertThat(f.page()).isNull();
        assertThat(f.throttled()).isEqualTo(1);
        assertThat(f.retryAt()).isBetween(before.plus(Duration.ofMinutes(2)), Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(f.error()).contains("HTTP 429 with Retry-After 120 s").contains("1 of 5");
    }

    @Test
    void withoutRetryAfterTheWaitDoublesPerThrottledAnswer() {
        Instant before = Instant.now();
        PageFetchService.Fetched f = PageFetchService.throttled(REQUEST, answer(503, null), 3);
        assertThat(f.retryAt()).isAfterOrEqualTo(before.plus(PageFetchService.THROTTLED_BACK_OFF.multipliedBy(4)));
        assertThat(f.error()).contains("HTTP 503 without Retry-After");
    }

    @Test
    void theFifthThrottledAnswerIsADeadLetterThatSaysWhy() {
        PageFetchService.Fetched f = PageFetchService.throttled(REQUEST, answer(503, Duration.ofSeconds(10)),
                PageFetchService.MAX_THROTTLED_ATTEMPTS);
        assertThat(f.retryAt()).isNull();
        assertThat(f.error()).contains("HTTP 503 with Retry-After 10 s").contains("5 times").contains(REQUEST.url());
    }

    @Test
    void throttlingIsNeverRetriedInsideTheBatchOtherServerErrorsAre() {
        assertThat(PageFetchService.retryWait(answer(429, Duration.ofSeconds(1)), 1)).isNull();
        assertThat(PageFetchService.retryWait(answer(503, null), 1)).isNull();
        assertThat(PageFetchService.retryWait(answer(502, null), 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(PageFetchService.retryWait(answer(502, null), PageFetchService.MAX_ATTEMPTS)).isNull();
    }
}
