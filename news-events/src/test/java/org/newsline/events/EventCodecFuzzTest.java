package org.newsline.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzes {@link EventCodec#decode}: any bytes, read as every event type, give either an
 * {@link EventDecodingException} with a reason (which goes to the dead-letter topic) or an event that encodes and
 * decodes back to an equal event, with the same bytes the second time. Seeds and findings: test resources,
 * {@code org/newsline/events/EventCodecFuzzTestInputs}; README, "Fuzzing", says how to fuzz.
 */
class EventCodecFuzzTest {

    private static final List<Class<? extends Event>> TYPES = List.of(FeedSubscription.class, FeedState.class,
            FetchRequest.class, RawPage.class, Article.class, Statement.class, DeadLetter.class);

    @DictionaryEntries({"\"schemaVersion\":1", "\"schemaVersion\":", "\"articleId\":\"", "\"url\":\"", "\"item\":{",
            "\"fetchedAt\":\"", "\"2026-11-25T09:00:00Z\"", "\"PT15M\"", "\"headers\":{", "\"statements\":[",
            "\"kind\":\"direct\"", "\"tags\":[", "\"pendingItems\":[", "\"lastStatus\":", "null", "true", "1e400",
            "-0", "\\\"\\\\u0000\\\"", "\\\"\\\\ud800\\\""})
    @FuzzTest(maxDuration = "30s")
    void decodesOrRefusesAndRoundTrips(byte[] json) {
        for (Class<? extends Event> type : TYPES) {
            Event event;
            try {
                event = EventCodec.decode(json, type);
            } catch (EventDecodingException e) {
                assertThat(e.getMessage()).isNotBlank();
                continue;
            }
            assertThat(event).isInstanceOf(type);
            byte[] encoded = EventCodec.encode(event);
            Event again = EventCodec.decode(encoded, type);
            assertThat(again).as("%s round trip of %s", type.getSimpleName(), new String(encoded,
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(event);
            assertThat(EventCodec.encode(again)).isEqualTo(encoded);
        }
    }
}
