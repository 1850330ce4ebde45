package org.newsline.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollQueueTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void dueFeedsComeEarliestFirstWhateverTheOrderTheyWereQueuedIn() {
        PollQueue q = new PollQueue();
        q.schedule("c", T0.plusSeconds(3));
        q.schedule("a", T0.plusSeconds(1));
        q.schedule("later", T0.plusSeconds(60));
        q.schedule("b", T0.plusSeconds(2));
        List<String> taken = new ArrayList<>();
        for (String id = q.takeDue(T0.plusSeconds(10)); id != null; id = q.takeDue(T0.plusSeconds(10))) {
            taken.add(id);
        }
        assertThat(taken).containsExactly("a", "b", "c");
        assertThat(q.nextDue()).isEqualTo(T0.plusSeconds(60));
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void schedulingAgainReplacesTheEarlierTimeAndRemoveForgets() {
        PollQueue q = new PollQueue();
        q.schedule("a", T0);
        q.schedule("b", T0.plusSeconds(1));
        q.schedule("a", T0.plusSeconds(30));
        q.remove("b");
        assertThat(q.takeDue(T0.plusSeconds(5))).isNull();
        assertThat(q.nextDue()).isEqualTo(T0.plusSeconds(30));
        assertThat(q.takeDue(T0.plusSeconds(30))).isEqualTo("a");
        assertThat(q.takeDue(T0.plusSeconds(30))).isNull();
        assertThat(q.nextDue()).isNull();
    }

    @Test
    void aFeedRescheduledManyTimesIsStillTakenOnce() {
        PollQueue q = new PollQueue();
        for (int i = 0; i < 5000; i++) {
            q.schedule("a", T0.plusMillis(i));
            q.schedule("b", T0.plusMillis(5000 - i));
        }
        assertThat(q.takeDue(T0.plusSeconds(10))).isEqualTo("b");
        assertThat(q.takeDue(T0.plusSeconds(10))).isEqualTo("a");
        assertThat(q.takeDue(T0.plusSeconds(10))).isNull();
    }
}
