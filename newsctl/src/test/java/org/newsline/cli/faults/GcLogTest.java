package org.newsline.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the heap after each pause from a JVM's {@code -Xlog:gc} lines (G1 and Serial). */
class GcLogTest {

    @Test
    void peakAndLastHeapAfterPausesAndTheFullOnes() {
        GcLog gc = GcLog.parse(List.of(
                "[0.012s] Using G1",
                "[1.234s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.456ms",
                "[2.000s] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 300M->210M(512M) 12.5ms",
                "[2.100s] GC(2) Concurrent Mark Cycle 40.1ms",
                "[2.200s] GC(3) Pause Remark 220M->180M(512M) 2.0ms",
                "[3.000s] GC(4) Pause Full (Allocation Failure) 1000M->400M(1024M) 250.75ms",
                "[4.000s] GC(5) Pause Young (Allocation Failure) 512K->256K(1G) 0.5ms"));
        assertThat(gc.pauses()).isEqualTo(5);
        assertThat(gc.fullPauses()).isEqualTo(1);
        assertThat(gc.peakAfterGcBytes()).isEqualTo(400L << 20);
        assertThat(gc.lastAfterGcBytes()).isEqualTo(256L << 10);
        assertThat(gc.peakCommittedBytes()).isEqualTo(1L << 30);
        assertThat(gc.longestPauseMs()).isEqualTo(250.75);
    }

    @Test
    void anEmptyLogIsNoPause() {
        assertThat(GcLog.parse(List.of()).pauses()).isZero();
    }
}
