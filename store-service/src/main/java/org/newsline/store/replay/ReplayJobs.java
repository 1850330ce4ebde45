package org.newsline.store.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsline.events.EventCodec;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.store.db.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replays of one store process: starts, resumes, stops and reports them. Each job is described by a
 * small JSON file {@code replays/ID.json} in the data directory (its selection and last known progress,
 * rewritten after every chunk), so a job is listed and resumable after a restart; where a job stands is
 * decided by its checkpoint in Kafka ({@link CheckpointedPublisher}), which the file only mirrors.
 */
public final class ReplayJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayJobs.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ArticleStore store;
    private final KafkaClients clients;
    private final Path dir;
    private final Clock clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(ReplayJob job, Thread thread) {
    }

    /** @param dataDir the data directory; job files go to its {@code replays} subdirectory */
    public ReplayJobs(ArticleStore store, KafkaClients clients, Path dataDir) {
        this(store, clients, dataDir, Clock.systemUTC());
    }

    ReplayJobs(ArticleStore store, KafkaClients clients, Path dataDir, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.dir = dataDir.resolve("replays");
        this.clock = clock;
    }

    /**
     * Starts a replay of what {@code spec} selects. Without {@code until} it selects what is archived now
     * ({@code until} becomes the start time); replays to {@code news.raw} without an explicit {@code maxLag}
     * should pass {@link ReplaySpec#DEFAULT_MAX_LAG}.
     */
    public ReplayStatus start(ReplaySpec spec) {
        Instant now = clock.instant();
        ReplaySpec fixed = spec.until() == null && (spec.since() == null || spec.since().isBefore(now))
                ? spec.withUntil(now) : spec;
        String id = newId();
        ReplayStatus initial = new ReplayStatus(id, fixed, ReplayState.COUNTING, -1, ReplayCounts.ZERO, 0, now,
                now, null);
        save(initial);
        return launch(id, fixed, now);
    }

    /**
     * Resumes a stopped or failed replay after its last committed chunk; a running one is left running and a
     * finished one is reported as it is.
     *
     * @throws UnknownReplayException if there is no such job
     */
    public ReplayStatus resume(String id) {
        synchronized (this) {
            Running r = running.get(id);
            if (r != null) {
                return r.job().status();
            }
            ReplayStatus saved = load(id).orElseThrow(() -> new UnknownReplayException(id));
            if (saved.state() == ReplayState.DONE) {
                return saved;
            }
            return launch(id, saved.spec(), saved.startedAt());
        }
    }

    /** Asks a running replay to stop (it aborts the chunk in hand); returns its status. */
    public ReplayStatus stop(String id) {
        Running r = running.get(id);
        if (r == null) {
            return status(id).orElseThrow(() -> new UnknownReplayException(id));
        }
        r.job().stop();
        return r.job().status();
    }

    /** A job's current status: live when it runs here, else as its file last recorded it. */
    public Optional<ReplayStatus> status(String id) {
        Running r = running.get(id);
        if (r != null) {
            return Optional.of(r.job().status());
        }
        return load(id);
    }

    /** Every known job, newest start first. */
    public List<ReplayStatus> list() {
        List<ReplayStatus> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".json"))
                        .map(n -> n.substring(0, n.length() - 5))
                        .filter(n -> ID.matcher(n).matches())
                        .forEach(n -> status(n).ifPresent(out::add));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
        return out;
    }

    /** Waits up to {@code timeout} for a job to finish; its status then. */
    public ReplayStatus await(String id, Duration timeout) throws InterruptedException {
        Running r = running.get(id);
        if (r != null) {
            r.thread().join(timeout.toMillis());
        }
        return status(id).orElseThrow(() -> new UnknownReplayException(id));
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    private synchronized ReplayStatus launch(String id, ReplaySpec spec, Instant startedAt) {
        ReplaySource source = switch (spec.kind()) {
            case RAW -> new RawPageSource(store, spec, clients.config().topicPrefix());
            case ARTICLES, STATEMENTS -> new ArticleSource(store, spec, clients.config().topicPrefix());
            case DEAD_LETTER -> new DeadLetterSource(store, spec, clients.config().topicPrefix());
        };
        boolean toRaw = spec.kind() == ReplayKind.RAW || spec.kind() == ReplayKind.DEAD_LETTER;
        ReplayJob job = new ReplayJob(id, spec, source, clients, toRaw && spec.maxLag() > 0, startedAt, clock,
                this::save);
        Thread thread = new Thread(() -> {
            try {
                job.run();
            } finally {
                running.remove(id);
            }
        }, "newsline-replay-" + id);
        running.put(id, new Running(job, thread));
        thread.start();
        LOG.info("replay {} started: {}", id, spec);
        return job.status();
    }

    private static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private Path file(String id) {
        if (!isId(id)) {
            throw new UnknownReplayException(id);
        }
        return dir.resolve(id + ".json");
    }

    private Optional<ReplayStatus> load(String id) {
        if (!isId(id)) {
            return Optional.empty();
        }
        Path f = file(id);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            ReplayStatus s = EventCodec.mapper().readValue(f.toFile(), ReplayStatus.class);
            if (!s.state().finished()) {
                // its process ended while it ran: it is stopped, and resumes from its checkpoint
                s = new ReplayStatus(s.id(), s.spec(), ReplayState.STOPPED, s.total(), s.counts(), 0,
                        s.startedAt(), s.updatedAt(), "the store stopped while the replay ran; resume it");
            }
            return Optional.of(s);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable replay file " + f.getFileName(), e);
        }
    }

    private void save(ReplayStatus status) {
        try {
            Files.createDirectories(dir);
            Path f = file(status.id());
            Path tmp = dir.resolve(status.id() + ".json.tmp");
            Files.writeString(tmp, EventCodec.encodeToString(status));
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // progress is also in Kafka; a full disk must not stop the replay
            LOG.warn("cannot write replay file of {}: {}", status.id(), e.toString());
        }
    }

    /** Stops every running replay (each aborts its chunk in hand) and waits for them. */
    @Override
    public void close() {
        List<Running> all = new ArrayList<>(running.values());
        all.forEach(r -> r.job().stop());
        for (Running r : all) {
            try {
                r.thread().join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
