package org.newsline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsline.events.FetchRequest;

class DeferredFetchesTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("news.fetch", 0);
    private static final TopicPartition P1 = new TopicPartition("news.fetch", 1);

    private static DeferredFetches.Deferred at(TopicPartition tp, long offset, Instant due, int attempts) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(tp.topic(), tp.partition(), offset, "example.org",
                new byte[0]);
        return new DeferredFetches.Deferred(r, FetchRequest.of("https://example.org/" + offset, "f", null, T), due,
                attempts);
    }

    @Test
    void dueRequestsAreTakenOutAndTheMetadataFollows() {
        DeferredFetches d = new DeferredFetches();
        assertThat(d.defer(at(P0, 5, T.plusSeconds(10), 1))).isTrue();
        assertThat(d.defer(at(P0, 9, T.plusSeconds(60), 0))).isTrue();
        assertThat(d.defer(at(P1, 2, T.plusSeconds(5), 2))).isTrue();
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.anyDue(T)).isFalse();
        assertThat(d.anyDue(T.plusSeconds(5))).isTrue();

        List<DeferredFetches.Deferred> due = d.takeDue(T.plusSeconds(10));
        assertThat(due).extracting(x -> x.record().offset()).containsExactly(2L, 5L);
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.metadata(P1)).isNull();
        assertThat(DeferralCodec.decode(d.metadata(P0))).containsOnlyKeys(9L);
    }

    @Test
    void aRequestPutAsideAgainReplacesItsEarlierDeferral() {
        DeferredFetches d = new DeferredFetches();
        d.defer(at(P0, 5, T.plusSeconds(10), 1));
        d.defer(at(P0, 5, T.plusSeconds(30), 2));
        assertThat(d.size()).isEqualTo(1);
        assertThat(DeferralCodec.decode(d.metadata(P0)).get(5L))
                .isEqualTo(new DeferralCodec.Deferral(T.plusSeconds(30), 2));
    }

    @Test
    void aPartitionTakesNoMoreThanItsOffsetMetadataHoldsAndDroppingForgetsIt() {
        DeferredFetches d = new DeferredFetches();
        int accepted = 0;
        // scattered offsets and due times: the worst case for the encoding
        for (long i = 0; i < 5000 && d.defer(at(P0, i * 7919, T.plusSeconds(i * 13), (int) (i % 5))); i++) {
            accepted++;
        }
        assertThat(accepted).isBetween(100, 5000 - 1);
        assertThat(d.metadata(P0).length()).isLessThanOrEqualTo(DeferredFetches.MAX_METADATA_CHARS);
        assertThat(d.size()).isEqualTo(accepted);
        assertThat(d.defer(at(P1, 1, T, 0))).as("another partition has its own room").isTrue();
        d.drop(List.of(P0));
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.metadata(P0)).isNull();
    }
}
