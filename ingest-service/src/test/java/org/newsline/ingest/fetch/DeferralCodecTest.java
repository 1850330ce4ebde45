package org.newsline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeferralCodecTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void deferralsGoThroughTheMetadataAndBack() {
        Map<Long, DeferralCodec.Deferral> in = new TreeMap<>();
        in.put(7L, new DeferralCodec.Deferral(T, 1));
        in.put(1_000_000L, new DeferralCodec.Deferral(T, 1));
        in.put(12L, new DeferralCodec.Deferral(T.plusSeconds(90), 0));
        in.put(13L, new DeferralCodec.Deferral(T.plusSeconds(90), 4));
        String metadata = DeferralCodec.encode(in);
        assertThat(metadata).startsWith("f1|");
        assertThat(DeferralCodec.decode(metadata)).isEqualTo(in);
    }

    @Test
    void dueTimesAreRoundedUpToTheSecondSoNothingComesBackEarly() {
        Map<Long, DeferralCodec.Deferral> in = Map.of(3L, new DeferralCodec.Deferral(T.plusMillis(1), 2));
        assertThat(DeferralCodec.decode(DeferralCodec.encode(in)).get(3L))
                .isEqualTo(new DeferralCodec.Deferral(T.plusSeconds(1), 2));
    }

    @Test
    void nothingDeferredIsNoMetadataAndOtherMetadataIsRefusedByName() {
        assertThat(DeferralCodec.encode(Map.of())).isNull();
        assertThat(DeferralCodec.decode(null)).isEmpty();
        assertThat(DeferralCodec.decode("")).isEmpty();
        assertThatThrownBy(() -> DeferralCodec.decode("checkpoint=42"))
                .hasMessageContaining("not a list of deferred fetches").hasMessageContaining("checkpoint=42");
        assertThatThrownBy(() -> DeferralCodec.decode("f1|zz.1:x,!")).hasMessageContaining("zz.1:x,!");
    }

    @Test
    void aPartitionHoldsOverAThousandRequestsOfAThrottledHostWithinTheBroker4KLimit() {
        Map<Long, DeferralCodec.Deferral> in = new TreeMap<>();
        for (long offset = 50_000; offset < 51_200; offset += 1) {
            in.put(offset, new DeferralCodec.Deferral(T, 0));
        }
        assertThat(DeferralCodec.encode(in).length()).isLessThan(DeferredFetches.MAX_METADATA_CHARS);
    }
}
