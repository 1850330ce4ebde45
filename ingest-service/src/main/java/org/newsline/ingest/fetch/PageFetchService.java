package org.newsline.ingest.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.Event;
import org.newsline.events.EventCodec;
import org.newsline.events.EventDecodingException;
import org.newsline.events.FetchRequest;
import org.newsline.events.RawPage;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Topic;
import org.newsline.events.UrlCanonicalizer;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.FetchResult;
import org.newsline.ingest.politeness.HostBusyException;
import org.newsline.ingest.politeness.PoliteFetcher;
import org.newsline.runtime.kafka.BatchProcessor;
import org.newsline.runtime.kafka.CountedOnCommit;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.Output;
import org.newsline.runtime.kafka.TransactionalLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch stage: a transactional loop from {@code news.fetch} to {@code news.raw}. Fetches run in parallel
 * (politely per host); each fetched HTML page is published with the request's offset in one transaction.
 * Articles already fetched are skipped; failed fetches and non-HTML responses go to the dead letters with
 * the reason, so they can be replayed once the cause is fixed.
 *
 * <p>A page answered 429 or 503 is not a failure yet: the request is put aside until the answer's
 * {@code Retry-After} (or an exponential back-off from {@link #THROTTLED_BACK_OFF}) and fetched again then, at
 * most {@link #MAX_THROTTLED_ATTEMPTS} times in all, before it goes to the dead letters with the last answer.
 * So is a request whose host may not be asked for longer than {@link #MAX_HOST_WAIT} (it asked others of our
 * requests to wait): the loop's transaction never stays open for a host's sake. Requests put aside are listed
 * in the metadata of the partition's committed offset ({@link DeferredFetches}), in the same transaction that
 * commits the offset past them, so a restart or another instance takes them up at their time.
 */
public final class PageFetchService implements BatchProcessor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetchService.class);
    public static final String GROUP = "newsline-ingest-fetcher";
    /** Tries of a fetch that fails in a way that may pass (timeout, unreachable, 5xx other than 503), in a batch. */
    static final int MAX_ATTEMPTS = 3;
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(5);
    /** Requests of a page answered 429 or 503, in all, before it is dead-lettered. */
    static final int MAX_THROTTLED_ATTEMPTS = 5;
    /** The wait after a 429 or 503 without {@code Retry-After}: doubled per further such answer. */
    static final Duration THROTTLED_BACK_OFF = Duration.ofSeconds(30);
    /** Longest wait for a host's permit inside a batch; a host that needs longer gets the request put aside. */
    static final Duration MAX_HOST_WAIT = Duration.ofSeconds(20);
    /**
     * Fetch requests per transaction and fetch thread. Every fetched page of a batch stays in memory until the
     * batch commits; 500 (batch.size) of them held some 250 MB, and nothing reached extract before the last.
     */
    static final int REQUESTS_PER_THREAD = 4;

    private final PoliteFetcher fetcher;
    private final FetchedArticles fetched;
    private final DeferredFetches deferred = new DeferredFetches();
    private final ExecutorService pool;
    private final TransactionalLoop loop;
    /** What a batch did counts once it commits: an aborted batch is fetched again and counted then. */
    private final CountedOnCommit pages;
    private final CountedOnCommit skipped;
    private final CountedOnCommit failures;
    private final CountedOnCommit deferrals;
    private final Counter bytes;
    private final Timer latency;

    public PageFetchService(KafkaClients clients, PoliteFetcher fetcher, String instanceId, int threads,
                            MeterRegistry metrics) {
        this.fetcher = fetcher;
        this.fetched = new FetchedArticles(clients, GROUP);
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "newsline-page-fetch");
            t.setDaemon(true);
            return t;
        });
        this.pages = new CountedOnCommit(Counter.builder("newsline.pages.fetched").register(metrics));
        this.skipped = new CountedOnCommit(Counter.builder("newsline.pages.skipped").tag("reason", "already_fetched")
                .register(metrics));
        this.failures = new CountedOnCommit(Counter.builder("newsline.pages.failed").register(metrics));
        this.deferrals = new CountedOnCommit(Counter.builder("newsline.pages.deferred").register(metrics));
        this.bytes = Counter.builder("newsline.pages.bytes").register(metrics);
        this.latency = Timer.builder("newsline.fetch.latency").register(metrics);
        this.loop = new TransactionalLoop("fetch", clients, GROUP, "newsline-ingest-fetcher-" + instanceId,
                List.of(Topic.FETCH), this, metrics).capBatch(REQUESTS_PER_THREAD * Math.max(1, threads));
        loop.onAssigned(partitions -> fetched.rebuild(partitions, deferred));
        loop.onRevoked(partitions -> {
            fetched.drop(partitions);
            deferred.drop(partitions);
        });
        metrics.gauge("newsline.pages.waiting", deferred, d -> d.size());
    }

    public PageFetchService start() {
        loop.start();
        return this;
    }

    public TransactionalLoop loop() {
        return loop;
    }

    /** One request of this batch: a new record, or one put aside earlier that is due now. */
    private record Work(ConsumerRecord<String, byte[]> record, FetchRequest request, int throttled) {
        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }
    }

    @Override
    public void process(List<ConsumerRecord<String, byte[]>> records, Output out) throws Exception {
        for (CountedOnCommit c : List.of(pages, skipped, failures, deferrals)) {
            c.clear();
        }
        List<Work> work = new ArrayList<>();
        for (DeferredFetches.Deferred d : deferred.takeDue(Instant.now())) {
            work.add(new Work(d.record(), d.request(), d.attempts()));
        }
        Map<ConsumerRecord<String, byte[]>, String> errors = new LinkedHashMap<>();
        List<ConsumerRecord<String, byte[]>> order = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            order.add(r);
            FetchRequest request;
            try {
                request = EventCodec.decode(r.value(), FetchRequest.class);
                UrlCanonicalizer.canonicalize(request.url());
            } catch (EventDecodingException | IllegalArgumentException e) {
                errors.put(r, e.getMessage());
                continue;
            }
            // requests are keyed by host so that one host's politeness and fetched set live in one partition
            String host = UrlCanonicalizer.canonicalHost(request.url());
            if (!host.equals(r.key())) {
                errors.put(r, "wrong key '" + r.key() + "': the request's host is '" + host + "'");
                continue;
            }
            work.add(new Work(r, request, 0));
        }
        Map<Work, Future<Fetched>> pending = new LinkedHashMap<>();
        Set<String> inBatch = new HashSet<>();
        for (Work w : work) {
            if (fetched.contains(w.partition(), w.request().articleId()) || !inBatch.add(w.request().articleId())) {
                skipped.add();
                continue;
            }
            pending.put(w, pool.submit(() -> fetch(w.request(), w.throttled())));
        }
        for (ConsumerRecord<String, byte[]> r : order) {
            if (errors.containsKey(r)) {
                out.deadLetter(r, errors.get(r));
            }
        }
        for (Map.Entry<Work, Future<Fetched>> e : pending.entrySet()) {
            Work w = e.getKey();
            Fetched result;
            try {
                result = e.getValue().get();
            } catch (ExecutionException ex) {
                result = Fetched.failed("fetch failed: " + ex.getCause());
            }
            if (result.page() != null) {
                String id = result.page().page().articleId();
                out.send(Topic.RAW, id, EventCodec.encodeRawPage(result.page().page(), result.page().body()));
                fetched.add(w.partition(), id);
                pages.add();
            } else if (result.retryAt() != null) {
                if (deferred.defer(new DeferredFetches.Deferred(w.record(), w.request(), result.retryAt(),
                        result.throttled()))) {
                    deferrals.add();
                    LOG.info("fetch: {} put aside until {}: {}", w.request().url(), result.retryAt(), result.error());
                } else {
                    failures.add();
                    out.deadLetter(w.record(), result.error() + "; not put aside: " + w.partition() + " already holds "
                            + deferred.size(w.partition()) + " fetches waiting (as many as its offset metadata takes)");
                }
            } else {
                failures.add();
                out.deadLetter(w.record(), result.error());
            }
        }
    }

    @Override
    public void committed() {
        for (CountedOnCommit c : List.of(pages, skipped, failures, deferrals)) {
            c.commit();
        }
    }

    @Override
    public String offsetMetadata(TopicPartition partition) {
        return deferred.metadata(partition);
    }

    @Override
    public boolean hasDueWork() {
        return deferred.anyDue(Instant.now());
    }

    @Override
    public void aborted(Collection<TopicPartition> assignment) {
        // the batch's pages were not published and its deferrals not committed: back to what is
        fetched.rebuild(assignment, deferred);
    }

    /** Fetches one page; {@code throttled} is how many of its requests were answered 429 or 503 before. */
    private Fetched fetch(FetchRequest request, int throttled) throws InterruptedException {
        FetchResult result = null;
        for (int attempt = 1; result == null; attempt++) {
            long start = System.nanoTime();
            try {
                result = fetcher.fetch(request.url(), null, true, MAX_HOST_WAIT);
            } catch (HostBusyException e) {
                Duration wait = e.waitFor().compareTo(Duration.ofSeconds(1)) > 0 ? e.waitFor() : Duration.ofSeconds(1);
                return Fetched.later(Instant.now().plus(wait), throttled, "host " + e.host() + " may not be asked for "
                        + e.waitFor().toSeconds() + " s");
            } catch (FetchException e) {
                if (isThrottled(e)) {
                    return throttled(request, e, throttled + 1);
                }
                Duration wait = retryWait(e, attempt);
                if (wait == null) {
                    return Fetched.failed("fetch failed (" + e.kind() + (attempt > 1 ? ", " + attempt
                            + " attempts" : "") + "): " + e.getMessage());
                }
                Thread.sleep(wait.toMillis());
            } finally {
                latency.record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
        bytes.increment(result.body() == null ? 0 : result.body().length);
        if (result.status() != 200) {
            return Fetched.failed("HTTP " + result.status() + " for " + request.url());
        }
        if (!result.isHtml()) {
            return Fetched.failed("not HTML (" + result.contentType() + "): " + request.url());
        }
        // the body stays bytes (UTF-8 as nearly every page is), never a String on its way to news.raw
        RawPage page = new RawPage(Event.SCHEMA_VERSION, request.articleId(), request.url(), result.finalUrl(),
                request.feedId(), request.item(), Instant.now(), result.status(), result.headers(), result.charset(),
                null, false);
        return new Fetched(new RawPageUtf8(page, result.utf8Text()), null, null, 0);
    }

    static boolean isThrottled(FetchException e) {
        return e.kind() == FetchException.Kind.HTTP_ERROR && e.status() != null
                && (e.status() == 429 || e.status() == 503);
    }

    /** The {@code throttled}-th 429 or 503 for a page: put aside until its Retry-After, or dead-lettered. */
    static Fetched throttled(FetchRequest request, FetchException e, int throttled) {
        String answer = "HTTP " + e.status() + e.retryAfter().map(d -> " with Retry-After " + d.toSeconds() + " s")
                .orElse(" without Retry-After");
        if (throttled >= MAX_THROTTLED_ATTEMPTS) {
            return Fetched.failed("fetch failed (throttled): " + answer + " for " + request.url() + ", "
                    + throttled + " times; gave up");
        }
        Duration wait = e.retryAfter().orElse(THROTTLED_BACK_OFF.multipliedBy(1L << (throttled - 1)));
        return Fetched.later(Instant.now().plus(wait), throttled, answer + " (" + throttled + " of "
                + MAX_THROTTLED_ATTEMPTS + ")");
    }

    /**
     * How long to wait before trying a failed fetch again inside this batch, or null to give up (the request
     * then goes to the dead letters, from which it can be replayed). Only failures that may pass are retried
     * (timeouts, unreachable hosts, 5xx; 429 and 503 are put aside instead), briefly, because the batch's
     * transaction stays open.
     */
    static Duration retryWait(FetchException e, int attempt) {
        if (attempt >= MAX_ATTEMPTS || isThrottled(e)) {
            return null;
        }
        boolean transientFailure = switch (e.kind()) {
            case TIMEOUT, UNREACHABLE -> true;
            case HTTP_ERROR -> e.status() != null && e.status() >= 500;
            default -> false;
        };
        if (!transientFailure) {
            return null;
        }
        Duration wait = e.retryAfter().orElse(Duration.ofMillis(500L * attempt));
        return wait.compareTo(MAX_RETRY_WAIT) > 0 ? null : wait;
    }

    /** A page, or a time to try again (with the throttled answers so far and why), or the reason it failed. */
    record Fetched(RawPageUtf8 page, Instant retryAt, String error, int throttled) {
        static Fetched failed(String error) {
            return new Fetched(null, null, error, 0);
        }

        static Fetched later(Instant at, int throttled, String why) {
            return new Fetched(null, at, why, throttled);
        }
    }

    @Override
    public void close() {
        loop.close();
        pool.shutdownNow();
    }
}
