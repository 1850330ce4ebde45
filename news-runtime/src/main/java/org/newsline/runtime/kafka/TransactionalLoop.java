package org.newsline.runtime.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.newsline.events.DeadLetter;
import org.newsline.events.Event;
import org.newsline.events.EventCodec;
import org.newsline.events.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transactional consume-transform-produce loop: reads committed records of some topics in a consumer group,
 * hands each batch to a {@link BatchProcessor}, and commits what it produced together with the batch's
 * offsets in one Kafka transaction. A failed batch is aborted, the consumer rewinds to the last committed
 * offsets and retries after a pause. A producer that can go on no more (fenced, its epoch refused after a long
 * pause or a broker restart, an abort that fails) is closed with the consumer, and the loop starts over with a new
 * producer of the same transactional id and a new consumer, from the committed offsets, so nothing is lost or
 * doubled and the stage never stays broken; so does a retriable error outside a batch (committed offsets that
 * cannot be read in time after a broker crash). A stop finishes the batch in hand, commits and closes.
 */
public final class TransactionalLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String stage;
    private final KafkaClients clients;
    private final String groupId;
    private final String transactionalId;
    private final List<String> topics;
    private final BatchProcessor processor;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean joined = new AtomicBoolean(false);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong lastSuccessEpochMs = new AtomicLong(0);
    /** The last time the stage had nothing waiting (start counts), so a stall is measured from there. */
    private final AtomicLong lastIdleEpochMs = new AtomicLong(System.currentTimeMillis());
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Counter recordsIn;
    private final Counter recordsOut;
    private final Counter recordsFailed;
    private final Counter deadLetters;
    private final Counter restarts;
    private final Timer transactionTime;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Throwable failure;
    private volatile java.util.function.Consumer<Collection<TopicPartition>> assignmentListener = p -> { };
    private volatile java.util.function.Consumer<Collection<TopicPartition>> revocationListener = p -> { };
    /** The offset metadata last committed per assigned partition (the loop's thread only). */
    private final Map<TopicPartition, String> committedMetadata = new HashMap<>();
    private volatile int maxBatch;

    /**
     * @param stage           the stage's name, in dead letters, metrics and logs (e.g. {@code extract})
     * @param groupId         the consumer group shared by all instances of the stage
     * @param transactionalId stable per instance ({@code stage-instanceId}), so a restart fences its predecessor
     */
    public TransactionalLoop(String stage, KafkaClients clients, String groupId, String transactionalId,
                             List<Topic> topics, BatchProcessor processor, MeterRegistry metrics) {
        this.stage = stage;
        this.clients = clients;
        this.groupId = groupId;
        this.transactionalId = transactionalId;
        this.topics = topics.stream().map(t -> t.name(clients.config().topicPrefix())).toList();
        this.processor = processor;
        this.metrics = metrics;
        this.recordsIn = Counter.builder("newsline.records.in").tag("stage", stage).register(metrics);
        this.recordsOut = Counter.builder("newsline.records.out").tag("stage", stage).register(metrics);
        this.recordsFailed = Counter.builder("newsline.records.failed").tag("stage", stage).register(metrics);
        this.deadLetters = Counter.builder("newsline.dead.letters").tag("stage", stage).register(metrics);
        this.restarts = Counter.builder("newsline.loop.restarts").tag("stage", stage).register(metrics);
        this.transactionTime = Timer.builder("newsline.transaction.time").tag("stage", stage).register(metrics);
        metrics.gauge("newsline.last.success.seconds", io.micrometer.core.instrument.Tags.of("stage", stage),
                lastSuccessEpochMs, v -> v.get() / 1000.0);
    }

    /**
     * Called on the loop's thread whenever partitions are assigned, before their records are processed: a
     * stage rebuilds the state it keeps for those partitions here.
     */
    public void onAssigned(java.util.function.Consumer<Collection<TopicPartition>> listener) {
        this.assignmentListener = listener;
    }

    /**
     * Called on the loop's thread whenever partitions are taken away, after the last batch of them committed: a
     * stage drops the state it keeps for those partitions here (their next owner rebuilds it).
     */
    public void onRevoked(java.util.function.Consumer<Collection<TopicPartition>> listener) {
        this.revocationListener = listener;
    }

    /**
     * Caps the records per transaction below {@code batch.size} (unless {@code kafka.max.poll.records} is set):
     * a stage whose records each cost milliseconds of CPU commits sooner, so its output flows on while it works
     * and a batch never nears the transaction timeout on a slow machine. Call before {@link #start}.
     */
    public TransactionalLoop capBatch(int records) {
        this.maxBatch = records;
        return this;
    }

    /** Starts the loop on a thread of its own. */
    public Thread start() {
        Thread t = new Thread(this, "newsline-" + stage);
        t.setDaemon(false);
        t.start();
        return t;
    }

    /** True once the consumer has joined its group and received an assignment (possibly empty). */
    public boolean joined() {
        return joined.get() && failure == null && stopped.getCount() > 0 && !stalled();
    }

    /** How long a stage may have records waiting without committing a batch before it counts as stalled. */
    static final long STALL_AFTER_MS = 5 * 60 * 1000;

    /**
     * True when records wait on assigned partitions but no batch has committed for {@link #STALL_AFTER_MS}: a
     * stage stuck (say, behind a transaction the broker left hanging) must not look healthy.
     */
    public boolean stalled() {
        long waiting = lag.values().stream().mapToLong(AtomicLong::get).sum();
        long since = Math.max(lastSuccessEpochMs.get(), lastIdleEpochMs.get());
        return waiting > 0 && since > 0 && System.currentTimeMillis() - since > STALL_AFTER_MS;
    }

    public String stage() {
        return stage;
    }

    public Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            Duration restartPause = Duration.ofMillis(500);
            while (running.get()) {
                long committedBefore = lastSuccessEpochMs.get();
                try {
                    runSession();
                } catch (ProducerUnusable | RetriableException e) {
                    // a retriable error outside a batch (the committed offsets not readable in time after a broker
                    // crash, say) is no reason to die either: the next consumer reads them again
                    restarts.increment();
                    if (lastSuccessEpochMs.get() != committedBefore) {
                        restartPause = Duration.ofMillis(500);
                    }
                    LOG.warn("{}: closed the producer (transactional id {}) and the consumer, starting over from the "
                            + "committed offsets in {} ms: {}", stage, transactionalId, restartPause.toMillis(),
                            (e instanceof ProducerUnusable ? e.getCause() : e).toString());
                    sleep(restartPause);
                    restartPause = longer(restartPause);
                }
            }
        } catch (InterruptException e) {
            LOG.info("{}: interrupted, stopping", stage);
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
                LOG.error("{}: loop failed", stage, e);
            } else {
                LOG.info("{}: stopped while going back to the committed offsets", stage);
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("{}: loop failed", stage, e);
        } finally {
            consumer = null;
            stopped.countDown();
        }
    }

    /**
     * One life of a producer and a consumer: from {@code initTransactions} (which fences an older producer of the
     * same transactional id and aborts its open transaction) until a stop, or until the producer can go on no more
     * ({@link ProducerUnusable}). Both are closed on the way out either way; the consumer's partitions are revoked
     * then, and the next session's consumer starts from the committed offsets.
     */
    private void runSession() {
        KafkaProducer<String, byte[]> producer = clients.producer(transactionalId);
        KafkaConsumer<String, byte[]> c = null;
        boolean clean = false;
        try {
            try {
                producer.initTransactions();
            } catch (KafkaException e) {
                // the broker is away (a restart) or another producer is initialising the same id: try again anew
                throw new ProducerUnusable(e);
            }
            c = consumer();
            this.consumer = c;
            subscribe(c);
            Duration backoff = Duration.ofMillis(500);
            while (running.get()) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = c.poll(POLL);
                } catch (WakeupException e) {
                    continue;
                }
                updateLag(c);
                if (records.isEmpty() && !processor.hasDueWork()) {
                    continue;
                }
                try {
                    processBatch(producer, c, records);
                    backoff = Duration.ofMillis(500);
                } catch (Exception e) {
                    recordsFailed.increment(records.count());
                    if (needsNewProducer(e) || !abort(producer)) {
                        throw new ProducerUnusable(e);
                    }
                    LOG.warn("{}: batch of {} records failed, retrying in {} ms: {}", stage, records.count(),
                            backoff.toMillis(), e.toString());
                    rewind(c);
                    processor.aborted(c.assignment());
                    sleep(backoff);
                    backoff = longer(backoff);
                }
            }
            clean = true;
        } finally {
            this.consumer = null;
            Duration grace = clean ? Duration.ofSeconds(30) : Duration.ZERO;
            if (c != null) {
                closeQuietly(c, clean ? Duration.ofSeconds(30) : Duration.ofSeconds(5));
            }
            // a producer that can go on no more has nothing worth sending: close it at once
            closeQuietly(producer, grace);
        }
    }

    private void subscribe(KafkaConsumer<String, byte[]> c) {
        c.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(lag::remove);
                partitions.forEach(committedMetadata::remove);
                revocationListener.accept(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    c.committed(new java.util.HashSet<>(partitions)).forEach((tp, om) ->
                            committedMetadata.put(tp, om == null ? "" : om.metadata()));
                }
                assignmentListener.accept(partitions);
                joined.set(true);
                for (TopicPartition tp : partitions) {
                    AtomicLong value = lag.computeIfAbsent(tp, k -> new AtomicLong());
                    metrics.gauge("newsline.consumer.lag", io.micrometer.core.instrument.Tags.of(
                            "stage", stage, "topic", tp.topic(), "partition", String.valueOf(tp.partition())),
                            value);
                }
                LOG.info("{}: assigned {} partitions", stage, partitions.size());
            }
        });
    }

    /**
     * True when the producer cannot go on whatever we do with this transaction: a newer producer of the same
     * transactional id fenced it, or the broker no longer accepts its epoch (it aborted a transaction that outlived
     * its timeout during a long pause, or lost it in a restart). Only a new producer, which fences this one for
     * good and aborts what it left open, goes on.
     */
    static boolean needsNewProducer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof FencedInstanceIdException || t instanceof OutOfOrderSequenceException
                    || t instanceof UnknownProducerIdException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Duration longer(Duration d) {
        Duration twice = d.multipliedBy(2);
        return twice.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : twice;
    }

    private static void closeQuietly(KafkaConsumer<String, byte[]> c, Duration timeout) {
        try {
            c.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(timeout));
        } catch (InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("closing the consumer failed", e);
        }
    }

    private static void closeQuietly(KafkaProducer<String, byte[]> p, Duration timeout) {
        try {
            p.close(timeout);
        } catch (InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("closing the producer failed", e);
        }
    }

    /** The producer of this session can go on no more; the loop starts a new session. */
    private static final class ProducerUnusable extends RuntimeException {
        ProducerUnusable(Throwable cause) {
            super(cause);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        java.util.Properties p = clients.consumerProperties(groupId);
        String key = org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG;
        if (maxBatch > 0 && !clients.config().kafkaPassThrough().containsKey(key)) {
            p.put(key, String.valueOf(Math.min(maxBatch, Integer.parseInt(p.getProperty(key)))));
        }
        return new KafkaConsumer<>(p);
    }

    private void processBatch(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> c,
                              ConsumerRecords<String, byte[]> records) throws Exception {
        long start = System.nanoTime();
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        recordsIn.increment(list.size());
        producer.beginTransaction();
        CollectingOutput out = new CollectingOutput(producer);
        processor.process(list, out);
        out.flushErrors();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1,
                    processor.offsetMetadata(tp)));
        }
        // a partition without new records whose metadata changed (records put aside, or taken up again) commits
        // it at its position, which is its committed offset: every batch before this one committed
        for (TopicPartition tp : c.assignment()) {
            if (!offsets.containsKey(tp)) {
                String metadata = processor.offsetMetadata(tp);
                if (!java.util.Objects.equals(metadata == null ? "" : metadata,
                        committedMetadata.getOrDefault(tp, ""))) {
                    offsets.put(tp, new OffsetAndMetadata(c.position(tp), metadata));
                }
            }
        }
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
        }
        producer.commitTransaction();
        processor.committed();
        offsets.forEach((tp, om) -> committedMetadata.put(tp, om.metadata()));
        recordsOut.increment(out.sent);
        deadLetters.increment(out.deadLetters);
        lastSuccessEpochMs.set(System.currentTimeMillis());
        transactionTime.record(Duration.ofNanos(System.nanoTime() - start));
    }

    private void updateLag(KafkaConsumer<String, byte[]> c) {
        long waiting = 0;
        for (Map.Entry<TopicPartition, AtomicLong> e : lag.entrySet()) {
            c.currentLag(e.getKey()).ifPresent(v -> e.getValue().set(v));
            waiting += e.getValue().get();
        }
        if (waiting == 0) {
            lastIdleEpochMs.set(System.currentTimeMillis());
        }
    }

    /** Aborts the open transaction; false if the producer could not, so it can go on no more. */
    private boolean abort(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
            return true;
        } catch (RuntimeException e) {
            LOG.debug("{}: abort failed", stage, e);
            return false;
        }
    }

    /** Goes back to the last committed offsets so the aborted batch is read again. */
    private void rewind(KafkaConsumer<String, byte[]> c) {
        Set<TopicPartition> assignment = c.assignment();
        if (assignment.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assignment);
        for (TopicPartition tp : assignment) {
            OffsetAndMetadata om = committed.get(tp);
            if (om != null) {
                c.seek(tp, om.offset());
            } else {
                c.seekToBeginning(List.of(tp));
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Asks the loop to finish its batch, commit and close; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            return stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** Sends within the open transaction and remembers the first asynchronous send failure. */
    private final class CollectingOutput implements Output {
        private final KafkaProducer<String, byte[]> producer;
        private volatile Exception sendError;
        long sent;
        long deadLetters;

        CollectingOutput(KafkaProducer<String, byte[]> producer) {
            this.producer = producer;
        }

        @Override
        public void send(Topic topic, String key, Event value) {
            send(topic.name(clients.config().topicPrefix()), key, EventCodec.encode(value));
        }

        @Override
        public void send(Topic topic, String key, byte[] json) {
            send(topic.name(clients.config().topicPrefix()), key, json);
        }

        @Override
        public void send(String topicName, String key, byte[] value) {
            producer.send(new ProducerRecord<>(topicName, key, value), (md, e) -> {
                if (e != null && sendError == null) {
                    sendError = e;
                }
            });
            sent++;
        }

        @Override
        public void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
            LOG.warn("{}: dead letter from {}-{}@{}: {}", stage, record.topic(), record.partition(),
                    record.offset(), reason);
            byte[] value = record.value();
            String payload = value == null ? null : new String(value, StandardCharsets.UTF_8);
            if (payload != null && payload.length() > DeadLetter.MAX_PAYLOAD_CHARS) {
                payload = payload.substring(0, DeadLetter.MAX_PAYLOAD_CHARS);
            }
            DeadLetter letter = new DeadLetter(Event.SCHEMA_VERSION, stage, reason, record.topic(),
                    record.partition(), record.offset(), record.key(), payload, value == null ? 0 : value.length,
                    Instant.now());
            send(Topic.DEAD_LETTER, record.key() == null ? "" : record.key(), letter);
            deadLetters++;
        }

        void flushErrors() throws Exception {
            producer.flush();
            if (sendError != null) {
                if (sendError instanceof RecordTooLargeException) {
                    throw new KafkaException("an output record is too large: " + sendError.getMessage(), sendError);
                }
                throw sendError;
            }
        }
    }
}
