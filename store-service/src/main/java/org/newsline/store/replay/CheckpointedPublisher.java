package org.newsline.store.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.newsline.events.Topic;
import org.newsline.runtime.config.Settings;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * Publishes a replay's chunks, each in one Kafka transaction that also commits the replay's checkpoint. The
 * checkpoint is the metadata of an offset committed for the replay's own consumer group
 * ({@code newsline-replay-ID}) through {@code sendOffsetsToTransaction}: Kafka commits it atomically with the
 * chunk's records, so after a stop, a crash or a {@code kill -9} the checkpoint names exactly the last chunk
 * read_committed consumers can see: a resume neither repeats nor skips a record. A file or database row
 * written after the commit could not promise that. The producer's {@code transactional.id} is per job, so a
 * resumed job fences a predecessor that is still alive and aborts its open chunk.
 */
final class CheckpointedPublisher implements AutoCloseable {

    /** Header on every replayed record: consumers can tell replays from live records without parsing. */
    static final String REPLAY_HEADER = "newsline-replay";
    /** Header naming the replay job that published the record. */
    static final String JOB_HEADER = "newsline-replay-job";

    private final KafkaProducer<String, byte[]> producer;
    private final String group;
    private final TopicPartition anchor;
    private final long maxRecordBytes;
    private final RecordHeaders headers = new RecordHeaders();
    private volatile Exception sendError;

    CheckpointedPublisher(KafkaClients clients, String jobId) {
        this.group = groupOf(jobId);
        this.anchor = anchor(clients);
        this.maxRecordBytes = clients.config().size(Settings.TOPIC_MAX_MESSAGE);
        headers.add(new RecordHeader(REPLAY_HEADER, "true".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(JOB_HEADER, jobId.getBytes(StandardCharsets.UTF_8)));
        this.producer = clients.producer(group);
        producer.initTransactions(); // fences an older runner of this job and aborts its open transaction
    }

    static String groupOf(String jobId) {
        return "newsline-replay-" + jobId;
    }

    /** The partition whose committed offset carries the checkpoint (any existing partition would do). */
    private static TopicPartition anchor(KafkaClients clients) {
        return new TopicPartition(Topic.RAW.name(clients.config().topicPrefix()), 0);
    }

    /** The last committed checkpoint of job {@code jobId}, if it committed a chunk. */
    static Optional<Checkpoint> committed(KafkaClients clients, String jobId) {
        try (Admin admin = clients.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupOf(jobId))
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata om = offsets.get(anchor(clients));
            if (om == null || om.metadata() == null || om.metadata().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Checkpoint.fromJson(om.metadata()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the checkpoint of replay " + jobId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the checkpoint of replay " + jobId + ": " + e, e);
        }
    }

    void begin() {
        sendError = null;
        producer.beginTransaction();
    }

    /** Sends one record in the open transaction; false (nothing sent) when it is too large for the topic. */
    boolean send(ReplayRecord r) {
        int size = r.value().length + (r.key() == null ? 0 : r.key().length() * 3) + 512;
        if (size > maxRecordBytes) {
            return false;
        }
        producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), headers), (md, e) -> {
            if (e != null && sendError == null) {
                sendError = e;
            }
        });
        return true;
    }

    /** Commits the chunk sent since {@link #begin} together with {@code checkpoint}. */
    void commit(Checkpoint checkpoint) throws Exception {
        producer.flush();
        if (sendError != null) {
            throw sendError;
        }
        producer.sendOffsetsToTransaction(
                Map.of(anchor, new OffsetAndMetadata(checkpoint.counts().published(), checkpoint.toJson())),
                new ConsumerGroupMetadata(group));
        producer.commitTransaction();
    }

    /** Drops the chunk sent since {@link #begin}: read_committed consumers never see it. */
    void abort() {
        producer.abortTransaction();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
