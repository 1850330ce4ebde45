package org.newsline.store.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.newsline.runtime.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay, run on a thread of its own: counts what it selected, then reads the archive a chunk at a time
 * and publishes each chunk with its checkpoint in one Kafka transaction (see {@link CheckpointedPublisher}),
 * starting after the last committed checkpoint. A second thread reads the next chunk while one is published.
 * A stop aborts the chunk in hand; a resume redoes it.
 */
final class ReplayJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayJob.class);
    private static final long RATE_WINDOW_NANOS = 10_000_000_000L;

    private final String id;
    private final ReplaySpec spec;
    private final ReplaySource source;
    private final KafkaClients clients;
    private final boolean gated;
    private final Instant startedAt;
    private final Clock clock;
    private final Consumer<ReplayStatus> onProgress;
    private final Deque<long[]> samples = new ArrayDeque<>(); // {nanoTime, read}

    private volatile boolean stopRequested;
    private volatile ReplayState state = ReplayState.COUNTING;
    private volatile long total = -1;
    private volatile ReplayCounts counts = ReplayCounts.ZERO;
    private volatile double rate;
    private volatile String error;

    /**
     * @param gated      wait for the extract stage's backlog to shrink before each chunk (replays to news.raw)
     * @param onProgress called after each committed chunk and at the end (to keep the job's file current)
     */
    ReplayJob(String id, ReplaySpec spec, ReplaySource source, KafkaClients clients, boolean gated,
              Instant startedAt, Clock clock, Consumer<ReplayStatus> onProgress) {
        this.id = id;
        this.spec = spec;
        this.source = source;
        this.clients = clients;
        this.gated = gated;
        this.startedAt = startedAt;
        this.clock = clock;
        this.onProgress = onProgress;
    }

    String id() {
        return id;
    }

    /** Asks the job to stop; it aborts the chunk in hand and ends as {@link ReplayState#STOPPED}. */
    void stop() {
        stopRequested = true;
    }

    ReplayStatus status() {
        return new ReplayStatus(id, spec, state, total, counts, rate, startedAt, clock.instant(), error);
    }

    @Override
    public void run() {
        try {
            if (spec.toTopic() != null) {
                TargetTopic.ensure(clients, spec.toTopic());
            }
            Checkpoint from = CheckpointedPublisher.committed(clients, id).orElse(Checkpoint.START);
            counts = from.counts();
            total = source.count();
            state = ReplayState.RUNNING;
            onProgress.accept(status());
            Position position = publishFrom(from.position());
            state = position.end() ? ReplayState.DONE : ReplayState.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = ReplayState.STOPPED;
        } catch (Exception e) {
            LOG.warn("replay {} failed: {}", id, e.toString());
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            state = ReplayState.FAILED;
        }
        rate = 0;
        LOG.info("replay {} {}: {}", id, state.name().toLowerCase(java.util.Locale.ROOT), counts);
        onProgress.accept(status());
    }

    private Position publishFrom(Position start) throws Exception {
        Position position = start;
        RateLimiter limiter = new RateLimiter(spec.rate());
        samples.addLast(new long[] {System.nanoTime(), counts.read()});
        // the next chunk is read (queried, decompressed, encoded) while this one is sent and committed
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "newsline-replay-read-" + id);
            t.setDaemon(true);
            return t;
        });
        try (CheckpointedPublisher publisher = new CheckpointedPublisher(clients, id);
             ExtractLagGate gate = gated ? new ExtractLagGate(clients, spec.maxLag()) : null) {
            Future<Chunk> ahead = position.end() ? null : readAhead(reader, position);
            while (!position.end() && !stopRequested) {
                if (gate != null) {
                    gate.awaitRoom(() -> stopRequested);
                }
                Chunk chunk = next(ahead);
                ahead = chunk.next().end() ? null : readAhead(reader, chunk.next());
                publisher.begin();
                long published = 0;
                long failed = 0;
                for (ReplayRecord r : chunk.records()) {
                    limiter.acquire(() -> stopRequested);
                    if (stopRequested) {
                        break;
                    }
                    if (publisher.send(r)) {
                        published++;
                    } else {
                        LOG.warn("replay {}: record of {} too large for {}", id, r.key(), r.topic());
                        failed++;
                    }
                }
                if (stopRequested) {
                    publisher.abort();
                    break;
                }
                ReplayCounts after = counts.plus(new ReplayCounts(chunk.read(), published, chunk.skipped(), failed));
                try {
                    publisher.commit(new Checkpoint(chunk.next(), after));
                } catch (Exception e) {
                    try {
                        publisher.abort();
                    } catch (RuntimeException ignored) {
                        // the producer is unusable; the job fails and resumes from its checkpoint
                    }
                    throw e;
                }
                counts = after;
                position = chunk.next();
                updateRate();
                onProgress.accept(status());
            }
        } finally {
            reader.shutdownNow();
        }
        return position;
    }

    private Future<Chunk> readAhead(ExecutorService reader, Position from) {
        return reader.submit(() -> source.next(from));
    }

    /** The chunk read ahead, or the reader's failure as this thread's. */
    private static Chunk next(Future<Chunk> ahead) throws Exception {
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void updateRate() {
        long now = System.nanoTime();
        samples.addLast(new long[] {now, counts.read()});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        if (seconds > 0.05) {
            rate = (counts.read() - first[1]) / seconds;
        }
    }
}
