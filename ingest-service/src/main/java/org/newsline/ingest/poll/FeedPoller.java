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
import org.newsline.ingest.politeness.PoliteFetcher;
import org.newsline.ingest.schedule.PollSchedule;
import org.newsline.runtime.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the feeds of the {@code news.feeds} partitions this instance is assigned. On assignment it takes each
 * feed's state from {@code news.feed-state} (same key, same partition); after each poll it writes the fetch
 * requests of the new items and the feed's new state in one Kafka transaction, so an item is either requested
 * and remembered, or neither. An unreadable subscription (malformed, unknown schema version, wrong key) goes to
 * the dead letters, in a transaction with the poller's offset past it, so it is dead-lettered once although the
 * subscriptions are re-read from the beginning on every assignment.
 */
public final class FeedPoller implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    public static final String GROUP = "newsline-ingest-poller";

    private final KafkaClients clients;
    private final FeedPoll feedPoll;
    private final String transactionalId;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final Map<String, FeedSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionOf = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<PollResult> done = new LinkedBlockingQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean joined = new AtomicBoolean(false);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Counter polls;
    private final Counter pollErrors;
    private final Counter notModified;
    private final Counter newItems;
    private volatile KafkaConsumer<String, byte[]> consumer;
    /** Poison subscriptions read but not yet dead-lettered; only the poller's thread touches it. */
    private final List<Poison> poisoned = new ArrayList<>();
    /** Per partition, the offset below which poison was already dead-lettered (the committed offset). */
    private final Map<TopicPartition, Long> letteredUpTo = new ConcurrentHashMap<>();

    private record Poison(ConsumerRecord<String, byte[]> record, String reason) {
    }

    public FeedPoller(KafkaClients clients, PoliteFetcher fetcher, FeedParser parser, PollSchedule schedule,
                      String instanceId, int threads, MeterRegistry metrics) {
        this.clients = clients;
        this.feedPoll = new FeedPoll(fetcher, parser, schedule);
        this.transactionalId = "newsline-ingest-poller-" + instanceId;
        this.maxInFlight = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(maxInFlight, r -> {
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

    @Override
    public void run() {
        String feedsTopic = Topic.FEEDS.name(clients.config().topicPrefix());
        try (KafkaProducer<String, byte[]> producer = clients.producer(transactionalId);
             KafkaConsumer<String, byte[]> c = clients.consumer(GROUP)) {
            consumer = c;
            producer.initTransactions();
            c.subscribe(List.of(feedsTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(letteredUpTo::remove);
                    poisoned.removeIf(p -> partitions.contains(
                            new TopicPartition(p.record().topic(), p.record().partition())));
                    Set<Integer> lost = new HashSet<>();
                    partitions.forEach(tp -> lost.add(tp.partition()));
                    partitionOf.entrySet().removeIf(e -> {
                        if (lost.contains(e.getValue())) {
                            subscriptions.remove(e.getKey());
                            states.remove(e.getKey());
                            return true;
                        }
                        return false;
                    });
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
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                        applySubscription(r);
                    }
                } catch (WakeupException e) {
                    continue;
                }
                scheduleDuePolls(Instant.now());
                writeResults(producer, c);
            }
            // finish what is in flight, then commit it
            long deadline = System.currentTimeMillis() + 5000;
            while (!inFlight.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            writeResults(producer, c);
        } catch (ProducerFencedException e) {
            LOG.error("poller: fenced by a newer instance ({}); stopping", transactionalId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("poller failed", e);
        } finally {
            pool.shutdownNow();
            consumer = null;
            stopped.countDown();
        }
    }

    private void applySubscription(ConsumerRecord<String, byte[]> r) {
        String feedId = r.key();
        if (feedId == null) {
            return;
        }
        if (r.value() == null) {
            subscriptions.remove(feedId);
            states.remove(feedId);
            partitionOf.remove(feedId);
            return;
        }
        String reason;
        try {
            FeedSubscription sub = EventCodec.decode(r.value(), FeedSubscription.class);
            if (feedId.equals(sub.feedId())) {
                subscriptions.put(feedId, sub);
                partitionOf.put(feedId, r.partition());
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

    private void scheduleDuePolls(Instant now) {
        for (FeedSubscription sub : subscriptions.values()) {
            if (inFlight.size() >= maxInFlight * 4) {
                return;
            }
            if (sub.paused() || inFlight.contains(sub.feedId())) {
                continue;
            }
            FeedState state = states.get(sub.feedId());
            if (state != null && state.nextPollAt() != null && state.nextPollAt().isAfter(now)
                    && intervalUnchanged(sub, state)) {
                continue;
            }
            inFlight.add(sub.feedId());
            pool.submit(() -> {
                try {
                    done.add(pollPolitely(sub, state));
                } catch (RuntimeException e) {
                    LOG.error("poll of {} failed unexpectedly", sub.url(), e);
                    inFlight.remove(sub.feedId());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    inFlight.remove(sub.feedId());
                }
            });
        }
    }

    /** A subscription whose fixed interval was shortened after the last poll is due by the new interval. */
    private static boolean intervalUnchanged(FeedSubscription sub, FeedState state) {
        if (sub.interval() == null || state.lastPolledAt() == null) {
            return true;
        }
        return !state.lastPolledAt().plus(sub.interval()).isBefore(state.nextPollAt().minusSeconds(1));
    }

    private PollResult pollPolitely(FeedSubscription sub, FeedState state) throws InterruptedException {
        return feedPoll.poll(sub, state, Instant.now());
    }

    private void writeResults(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> c) {
        List<PollResult> batch = new ArrayList<>();
        done.drainTo(batch);
        if (batch.isEmpty() && poisoned.isEmpty()) {
            return;
        }
        List<Poison> letters = List.copyOf(poisoned);
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> past = new java.util.HashMap<>();
        String fetchTopic = Topic.FETCH.name(clients.config().topicPrefix());
        String stateTopic = Topic.FEED_STATE.name(clients.config().topicPrefix());
        try {
            producer.beginTransaction();
            for (PollResult result : batch) {
                for (FetchRequest request : result.requests()) {
                    producer.send(new ProducerRecord<>(fetchTopic, UrlCanonicalizer.canonicalHost(request.url()),
                            EventCodec.encode(request)));
                }
                producer.send(new ProducerRecord<>(stateTopic, result.state().feedId(),
                        EventCodec.encode(result.state())));
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
            batch.forEach(r -> inFlight.remove(r.state().feedId()));
            return; // the poison stays queued for the next transaction
        }
        poisoned.removeAll(letters);
        past.forEach((tp, om) -> letteredUpTo.merge(tp, om.offset(), Math::max));
        for (PollResult result : batch) {
            String feedId = result.state().feedId();
            if (subscriptions.containsKey(feedId)) {
                states.put(feedId, result.state());
            }
            inFlight.remove(feedId);
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
