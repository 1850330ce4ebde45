package org.newsline.store.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.events.EventCodec;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.TopicAdmin;
import org.newsline.store.db.ArticleStore;

/**
 * A replay whose process dies in the middle of a chunk: the chunk's records stay invisible to read_committed
 * consumers, and the resumed job (which fences the dead one) publishes every selected page exactly once.
 */
@Tag("integration")
class ReplayKillTest {

    @TempDir
    Path dir;

    @Test
    void aReplayKilledMidChunkResumesWithoutRepeatsOrSkips() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"), 0);
             ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("store.db"))) {
            KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(), "data.dir", dir.toString())));
            new TopicAdmin(clients).ensureTopics(Duration.ofSeconds(60));
            List<RawPage> pages = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String url = "https://kill.example/" + i;
                pages.add(new RawPage(1, Ids.articleId(url), url, url, null, null,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), 200, Map.of(), "UTF-8",
                        "<p>page " + i + "</p>", false));
            }
            store.putRawPages(pages);

            String id;
            try (ReplayJobs jobs = new ReplayJobs(store, clients, dir)) {
                id = jobs.start(ReplaySpec.all(ReplayKind.RAW).withRate(80)).id();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (jobs.status(id).orElseThrow().counts().published() < 50 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                jobs.stop(id);
                assertThat(jobs.await(id, Duration.ofSeconds(30)).state()).isEqualTo(ReplayState.STOPPED);
            }
            Checkpoint committed = CheckpointedPublisher.committed(clients, id).orElseThrow();
            assertThat(committed.counts().published()).isBetween(50L, 119L);

            // the "killed" runner: it was in the middle of the next chunk when its process died
            CheckpointedPublisher zombie = new CheckpointedPublisher(clients, id);
            zombie.begin();
            for (RawPage p : pages.subList(0, 10)) {
                zombie.send(new ReplayRecord(Topic.RAW.baseName(), p.articleId(), EventCodec.encode(p.asReplay())));
            }
            Thread.sleep(300); // the records reach the broker, uncommitted

            try (ReplayJobs jobs = new ReplayJobs(store, clients, dir)) {
                jobs.resume(id);
                ReplayStatus done = jobs.await(id, Duration.ofSeconds(60));
                assertThat(done.state()).isEqualTo(ReplayState.DONE);
                assertThat(done.counts()).isEqualTo(new ReplayCounts(120, 120, 0, 0));
            }
            assertThatThrownBy(() -> zombie.commit(committed)).as("the resumed job fenced the dead one")
                    .isNotNull();

            List<String> keys = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : readCommitted(clients)) {
                Header job = r.headers().lastHeader(CheckpointedPublisher.JOB_HEADER);
                if (job != null && new String(job.value(), StandardCharsets.UTF_8).equals(id)) {
                    keys.add(r.key());
                }
            }
            assertThat(keys).hasSize(120);
            assertThat(new HashSet<>(keys)).hasSize(120);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readCommitted(KafkaClients clients) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> tps = c.partitionsFor(Topic.RAW.baseName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
