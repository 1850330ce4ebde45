package org.newsline.ingest.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.newsline.events.EventCodec;
import org.newsline.events.EventDecodingException;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.FetchRequest;
import org.newsline.events.Topic;
import org.newsline.events.UrlCanonicalizer;
import org.newsline.ingest.feed.FeedParser;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.politeness.HostPermit;
import org.newsline.ingest.politeness.PoliteFetcher;
import org.newsline.ingest.schedule.PollSchedule;
import org.newsline.runtime.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the feeds of the {@code news.feeds} partitions this instance is assigned. On assignment it takes each
 * feed's state from {@code news.feed-state} (same key, same partition); after each poll it writes the fetch
 * requests of the new items and the feed's new state in one Kafka transaction, so an item is either requested
 * and remembered, or neither. Results are written in rounds (every {@value #WRITE_EVERY_MS} ms while polls
 * finish), so a transaction serves many polls. An unreadable subscription (malformed, unknown schema version,
 * wrong key) goes to the dead letters, in a transaction with the poller's offset past it, so it is dead-lettered
 * once although the subscriptions are re-read from the beginning on every assignment.
 *
 * <p>Feeds are polled earliest due first ({@link PollQueue}). The poller's own thread takes each host's permit
 * before it hands a poll to a worker, and leaves a feed queued while its host is busy or must be waited for: a
 * worker never waits for a host, so one slow host holds at most its own concurrency of workers and the polls of
 * other hosts go on. When partitions are taken away, the polls of their feeds finish and are written first, so
 * the next owner starts from their state and no feed is polled by two instances at once.
 */
public final class FeedPoller implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    public static final String GROUP = "newsline-ingest-poller";
    /** Results are written this often while polls finish (fewer, larger transactions), or at once if many. */
    static final long WRITE_EVERY_MS = 100;
    static final int WRITE_AT = 1000;
    /** A feed whose host is at its concurrency is looked at again this soon. */
    static final Duration HOST_BUSY_RETRY = Duration.ofMillis(50);
    /** How long a revocation waits for polls of the lost feeds to finish. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration IDLE_WAIT = Duration.ofMillis(100);
    private static final Duration BUSY_WAIT = Duration.ofMillis(5);

    private final KafkaClients clients;
    private final PoliteFetcher fetcher;
    private final FeedPoll feedPoll;
    private final PollSchedule schedule;
    private final String transactionalId;
    private final ExecutorService pool;
    private final int workers;
    private final Map<String, FeedSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionOf = new ConcurrentHashMap<>();
    /** Feeds being polled by a worker right now. */
    private final Set<String> polling = ConcurrentHashMap.newKeySet();
    /** Feeds handed to a worker whose result is not yet written (the poller's thread only). */
    private final Set<String> inFlight = new HashSet<>();
    /** Feeds whose partition was taken away while they were being polled: their results are dropped. */
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    private final PollQueue queue = new PollQueue();
    private final LinkedBlockingQueue<Ready> done = new LinkedBlockingQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean joined = new AtomicBoolean(false);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Counter polls;
    private final Counter pollErrors;
    private final Counter notModified;
    private final Counter newItems;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private long lastWrite = System.nanoTime();
    /** Poison subscriptions read but not yet dead-lettered; only the poller's thread touches it. */
    private final List<Poison> poisoned = new ArrayList<>();
    /** Per partition, the offset below which poison was already dead-lettered (the committed offset). */
    private final Map<TopicPartition, Long> letteredUpTo = new ConcurrentHashMap<>();

    private record Poison(ConsumerRecord<String, byte[]> record, String reason) {
    }

    /** A poll's result with its records already encoded (by the worker, so the poller's thread only sends). */
    private record Ready(PollResult result, byte[] state, List<Map.Entry<String, byte[]>> requests) {
        static Ready of(PollResult result) {
            List<Map.Entry<String, byte[]>> requests = new ArrayList<>(result.requests().size());
            for (FetchRequest request : result.requests()) {
                requests.add(Map.entry(UrlCanonicalizer.canonicalHost(request.url()), EventCodec.encode(request)));
            }
            return new Ready(result, EventCodec.encode(result.state()), requests);
        }

        String feedId() {
            return result.state().feedId();
        }
    }

    public FeedPoller(KafkaClients clients, PoliteFetcher fetcher, FeedParser parser, PollSchedule schedule,
                      String instanceId, int threads, MeterRegistry metrics) {
        this.clients = clients;
        this.fetcher = fetcher;
        this.feedPoll = new FeedPoll(fetcher, parser, schedule);
        this.schedule = schedule;
        this.transactionalId = "newsline-ingest-poller-" + instanceId;
        this.workers = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "newsline-feed-poll");
            t.setDaemon(true);
            return t;
        });
        this.polls = Counter.builder("newsline.feed.polls").tag("outcome", "ok").register(metrics);
        this.pollErrors = Counter.builder("newsline.feed.polls").tag("outcome", "error").register(metrics);
        this.notModified = Counter.builder("newsline.feed.polls").tag("outcome", "not_modified").register(metrics);
        this.newItems = Counter.builder("newsline.feed.new.items").register(metrics);
        metrics.gaugeMapSize("newsline.feeds.assigned", io.micrometer.core.instrument.Tags.empty(), subscriptions);
    }


    public Thread start() {
        Thread t = new Thread(this, "newsline-poller");
        t.start();
        return t;
    }

    public boolean joined() {
        return joined.get() && stopped.getCount() > 0;
    }

    /**
     * Runs sessions until stopped. A session that fails (its producer fenced or its epoch refused, the broker away
     * longer than the clients wait during a restart, ...) is closed with its producer and consumer, and the poller
     * starts over from the topics after a pause (0.5 s, doubled up to 30 s): it never stops polling for good while
     * the service runs.
     */
    @Override
    public void run() {
        try {
            Duration pause = Duration.ofMillis(500);
            while (running.get()) {
                try {
                    runSession();
                } catch (RuntimeException e) {
                    if (!running.get()) {
                        break;
                    }
                    LOG.warn("poller: closed its producer (transactional id {}) and consumer, starting over in {} ms: {}",
                            transactionalId, pause.toMillis(), e.toString());
                    forgetAssignment();
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    Duration twice = pause.multipliedBy(2);
                    pause = twice.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : twice;
                }
            }
        } finally {
            pool.shutdownNow();
            consumer = null;
            producer = null;
            stopped.countDown();
        }
    }

    /**
     * After a failed session: what the poller knew of its partitions goes, to be read again from the topics when
     * the next session's consumer is assigned partitions. Polls still running are abandoned (their results dropped;
     * the feeds are polled again by the next owner).
     */
    private void forgetAssignment() {
        abandoned.addAll(polling);
        partitionOf.keySet().forEach(queue::remove);
        partitionOf.clear();
        subscriptions.clear();
        states.clear();
        inFlight.clear();
        done.clear();
        poisoned.clear();
        letteredUpTo.clear();
        joined.set(false);
    }

    private void runSession() {
        String feedsTopic = Topic.FEEDS.name(clients.config().topicPrefix());
        try (KafkaProducer<String, byte[]> p = clients.producer(transactionalId);
             KafkaConsumer<String, byte[]> c = clients.consumer(GROUP)) {
            consumer = c;
            producer = p;
            p.initTransactions();
            c.subscribe(List.of(feedsTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    revoke(partitions, c);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
                    states.putAll(FeedTable.states(clients, numbers));
                    c.committed(new java.util.HashSet<>(partitions)).forEach((tp, om) ->
                            letteredUpTo.put(tp, om == null ? 0L : om.offset()));
                    // the subscriptions are a table: read each assigned partition whole
                    c.seekToBeginning(partitions);
                    joined.set(true);
                    LOG.info("poller: assigned {} feed partitions", partitions.size());
                }
            });
            while (running.get()) {
                try {
                    for (ConsumerRecord<String, byte[]> r : c.poll(waitTime(Instant.now()))) {
                        applySubscription(r, Instant.now());
                    }
                } catch (WakeupException e) {
                    continue;
                }
                dispatchDuePolls(Instant.now());
                if (writeDue()) {
                    writeResults(c);
                }
            }
            // finish what is in flight, then commit it
            awaitPolls(feedId -> true, Duration.ofSeconds(5));
            writeResults(c);
        } finally {
            consumer = null;
            producer = null;
        }
    }

    /** Short while polls run or results wait (their results are written soon), else until the next feed is due. */
    private Duration waitTime(Instant now) {
        if (!polling.isEmpty() || !done.isEmpty()) {
            return BUSY_WAIT;
        }
        Instant next = queue.nextDue();
        if (next == null) {
            return IDLE_WAIT;
        }
        Duration until = Duration.between(now, next);
        return until.isNegative() ? Duration.ZERO : until.compareTo(IDLE_WAIT) > 0 ? IDLE_WAIT : until;
    }

    private boolean writeDue() {
        if (!poisoned.isEmpty() || done.size() >= WRITE_AT) {
            return true;
        }
        return !done.isEmpty() && System.nanoTime() - lastWrite >= WRITE_EVERY_MS * 1_000_000;
    }

    /**
     * The lost feeds' polls finish and their results are written before the partitions go, so the next owner
     * reads their latest state and never polls a feed while we still do. Runs on the poller's thread.
     */
    private void revoke(Collection<TopicPartition> partitions, KafkaConsumer<String, byte[]> c) {
        Set<Integer> lost = new HashSet<>();
        partitions.forEach(tp -> lost.add(tp.partition()));
        java.util.function.Predicate<String> isLost = feedId -> lost.contains(partitionOf.get(feedId));
        if (!awaitPolls(isLost, DRAIN_TIMEOUT)) {
            polling.stream().filter(isLost).forEach(abandoned::add);
            LOG.warn("poller: polls of {} feeds still running after {}; their results will be dropped",
                    abandoned.size(), DRAIN_TIMEOUT);
        }
        try {
            writeResults(c);
        } catch (ProducerFencedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("poller: could not write results before giving up partitions {}: {}", lost, e.toString());
        }
        partitions.forEach(letteredUpTo::remove);
        poisoned.removeIf(p -> partitions.contains(new TopicPartition(p.record().topic(), p.record().partition())));
        partitionOf.entrySet().removeIf(e -> {
            if (lost.contains(e.getValue())) {
                subscriptions.remove(e.getKey());
                states.remove(e.getKey());
                queue.remove(e.getKey());
                inFlight.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    /** Waits until no feed matching {@code which} is being polled; false if some still are after {@code timeout}. */
    private boolean awaitPolls(java.util.function.Predicate<String> which, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (polling.stream().anyMatch(which)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void applySubscription(ConsumerRecord<String, byte[]> r, Instant now) {
        String feedId = r.key();
        if (feedId == null) {
            return;
        }
        if (r.value() == null) {
            subscriptions.remove(feedId);
            states.remove(feedId);
            partitionOf.remove(feedId);
            queue.remove(feedId);
            return;
        }
        String reason;
        try {
            FeedSubscription sub = EventCodec.decode(r.value(), FeedSubscription.class);
            if (feedId.equals(sub.feedId())) {
                subscriptions.put(feedId, sub);
                partitionOf.put(feedId, r.partition());
                reschedule(sub, now);
                return;
            }
            reason = "wrong key '" + feedId + "': the value's id is '" + sub.feedId() + "'";
        } catch (EventDecodingException e) {
            reason = e.getMessage();
        }
        LOG.warn("poller: unreadable subscription {} at {}-{}@{}: {}", feedId, r.topic(), r.partition(),
                r.offset(), reason);
        if (r.offset() >= letteredUpTo.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
            poisoned.add(new Poison(r, reason));
        }
    }

    /** Queues {@code sub} for its next poll (a feed being polled is queued once its result is written). */
    private void reschedule(FeedSubscription sub, Instant now) {
        if (sub.paused()) {
            queue.remove(sub.feedId());
        } else if (!inFlight.contains(sub.feedId())) {
            queue.schedule(sub.feedId(), dueAt(sub, states.get(sub.feedId()), now));
        }
    }

    /**
     * When a feed is due: a feed never polled within {@link PollSchedule#firstPoll} (spread, so an import does not
     * burst), else at its state's next poll, or sooner if its fixed interval was shortened since.
     */
    private Instant dueAt(FeedSubscription sub, FeedState state, Instant now) {
        if (state == null || state.nextPollAt() == null) {
            return schedule.firstPoll(now);
        }
        if (!intervalUnchanged(sub, state)) {
            return state.lastPolledAt().plus(sub.interval());
        }
        return state.nextPollAt();
    }

    /** Hands due feeds to free workers, each with its host's permit; a feed whose host is busy stays queued. */
    private void dispatchDuePolls(Instant now) {
        while (polling.size() < workers) {
            String feedId = queue.takeDue(now);
            if (feedId == null) {
                return;
            }
            FeedSubscription sub = subscriptions.get(feedId);
            if (sub == null || sub.paused() || inFlight.contains(feedId)) {
                continue;
            }
            HostPermit permit = null;
            try {
                java.util.Optional<HostPermit> p = fetcher.tryPermit(sub.url());
                if (p.isEmpty()) {
                    Duration wait = fetcher.delayFor(sub.url());
                    queue.schedule(feedId, now.plus(wait.compareTo(HOST_BUSY_RETRY) > 0 ? wait : HOST_BUSY_RETRY));
                    continue;
                }
                permit = p.get();
            } catch (FetchException e) {
                // not a fetchable URL: the poll fails at once and records why
            }
            dispatch(sub, states.get(feedId), permit);
        }
    }

    private void dispatch(FeedSubscription sub, FeedState state, HostPermit permit) {
        String feedId = sub.feedId();
        inFlight.add(feedId);
        polling.add(feedId);
        try {
            pool.execute(() -> {
                try {
                    done.add(Ready.of(feedPoll.poll(sub, state, Instant.now(), permit)));
                } catch (RuntimeException e) {
                    LOG.error("poll of {} failed unexpectedly", sub.url(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (permit != null) {
                        permit.close();
                    }
                    polling.remove(feedId);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(feedId);
            polling.remove(feedId);
            if (permit != null) {
                permit.close();
            }
        }
    }

    /** A subscription whose fixed interval was shortened after the last poll is due by the new interval. */
    private static boolean intervalUnchanged(FeedSubscription sub, FeedState state) {
        if (sub.interval() == null || state.lastPolledAt() == null) {
            return true;
        }
        return !state.lastPolledAt().plus(sub.interval()).isBefore(state.nextPollAt().minusSeconds(1));
    }

    private void writeResults(KafkaConsumer<String, byte[]> c) {
        lastWrite = System.nanoTime();
        List<Ready> batch = new ArrayList<>();
        done.drainTo(batch);
        batch.removeIf(r -> abandoned.remove(r.feedId()));
        if (batch.isEmpty() && poisoned.isEmpty()) {
            return;
        }
        List<Poison> letters = List.copyOf(poisoned);
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> past = new java.util.HashMap<>();
        String fetchTopic = Topic.FETCH.name(clients.config().topicPrefix());
        String stateTopic = Topic.FEED_STATE.name(clients.config().topicPrefix());
        Instant now = Instant.now();
        try {
            producer.beginTransaction();
            for (Ready ready : batch) {
                for (Map.Entry<String, byte[]> request : ready.requests()) {
                    producer.send(new ProducerRecord<>(fetchTopic, request.getKey(), request.getValue()));
                }
                producer.send(new ProducerRecord<>(stateTopic, ready.feedId(), ready.state()));
            }
            for (Poison p : letters) {
                ConsumerRecord<String, byte[]> r = p.record();
                producer.send(new ProducerRecord<>(Topic.DEAD_LETTER.name(clients.config().topicPrefix()), r.key(),
                        EventCodec.encode(deadLetter(r, p.reason()))));
                past.merge(new TopicPartition(r.topic(), r.partition()),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(r.offset() + 1),
                        (a, b) -> a.offset() >= b.offset() ? a : b);
            }
            if (!past.isEmpty()) {
                producer.sendOffsetsToTransaction(past, c.groupMetadata());
            }
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("poller: could not write {} poll results, polling those feeds again: {}", batch.size(),
                    e.toString());
            try {
                producer.abortTransaction();
            } catch (RuntimeException ignored) {
                // the next transaction starts clean or fails the same way
            }
            for (Ready r : batch) {
                String feedId = r.feedId();
                inFlight.remove(feedId);
                if (subscriptions.containsKey(feedId)) {
                    queue.schedule(feedId, now);
                }
            }
            return; // the poison stays queued for the next transaction
        }
        poisoned.removeAll(letters);
        past.forEach((tp, om) -> letteredUpTo.merge(tp, om.offset(), Math::max));
        for (Ready ready : batch) {
            PollResult result = ready.result();
            String feedId = ready.feedId();
            inFlight.remove(feedId);
            FeedSubscription sub = subscriptions.get(feedId);
            if (sub != null) {
                states.put(feedId, result.state());
                reschedule(sub, now);
            }
            Integer status = result.state().lastStatus();
            if (result.state().lastError() != null) {
                pollErrors.increment();
            } else if (status != null && status == 304) {
                notModified.increment();
            } else {
                polls.increment();
            }
            newItems.increment(result.requests().size());
        }
    }

    private static org.newsline.events.DeadLetter deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
        byte[] value = r.value();
        String payload = value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
        if (payload != null && payload.length() > org.newsline.events.DeadLetter.MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, org.newsline.events.DeadLetter.MAX_PAYLOAD_CHARS);
        }
        return new org.newsline.events.DeadLetter(org.newsline.events.Event.SCHEMA_VERSION, "poll", reason, r.topic(),
                r.partition(), r.offset(), r.key(), payload, value == null ? 0 : value.length, Instant.now());
    }

    /** The state of every feed this instance polls (for tests and health). */
    public Map<String, FeedState> states() {
        return Map.copyOf(states);
    }

    public boolean stop(Duration timeout) {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
