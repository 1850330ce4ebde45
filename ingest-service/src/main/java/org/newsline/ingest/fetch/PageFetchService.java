package org.newsline.ingest.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.newsline.ingest.politeness.PoliteFetcher;
import org.newsline.runtime.kafka.BatchProcessor;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.Output;
import org.newsline.runtime.kafka.TransactionalLoop;

/**
 * The fetch stage: a transactional loop from {@code news.fetch} to {@code news.raw}. Fetches run in parallel
 * (politely per host); each fetched HTML page is published with the request's offset in one transaction.
 * Articles already fetched are skipped; failed fetches and non-HTML responses go to the dead letters with
 * the reason, so they can be replayed once the cause is fixed.
 */
public final class PageFetchService implements BatchProcessor, AutoCloseable {

    public static final String GROUP = "newsline-ingest-fetcher";
    static final int MAX_ATTEMPTS = 3;
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(5);
    /**
     * Fetch requests per transaction and fetch thread. Every fetched page of a batch stays in memory until the
     * batch commits; 500 (batch.size) of them held some 250 MB, and nothing reached extract before the last.
     */
    static final int REQUESTS_PER_THREAD = 4;

    private final PoliteFetcher fetcher;
    private final FetchedArticles fetched;
    private final ExecutorService pool;
    private final TransactionalLoop loop;
    private final Counter pages;
    private final Counter skipped;
    private final Counter failures;
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
        this.pages = Counter.builder("newsline.pages.fetched").register(metrics);
        this.skipped = Counter.builder("newsline.pages.skipped").tag("reason", "already_fetched").register(metrics);
        this.failures = Counter.builder("newsline.pages.failed").register(metrics);
        this.bytes = Counter.builder("newsline.pages.bytes").register(metrics);
        this.latency = Timer.builder("newsline.fetch.latency").register(metrics);
        this.loop = new TransactionalLoop("fetch", clients, GROUP, "newsline-ingest-fetcher-" + instanceId,
                List.of(Topic.FETCH), this, metrics).capBatch(REQUESTS_PER_THREAD * Math.max(1, threads));
        loop.onAssigned(fetched::rebuild);
    }

    public PageFetchService start() {
        loop.start();
        return this;
    }

    public TransactionalLoop loop() {
        return loop;
    }

    @Override
    public void process(List<ConsumerRecord<String, byte[]>> records, Output out) throws Exception {
        Map<ConsumerRecord<String, byte[]>, Future<Fetched>> pending = new LinkedHashMap<>();
        Set<String> inBatch = new HashSet<>();
        List<ConsumerRecord<String, byte[]>> order = new ArrayList<>(records);
        Map<ConsumerRecord<String, byte[]>, String> errors = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : order) {
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
            if (fetched.contains(request.articleId()) || !inBatch.add(request.articleId())) {
                skipped.increment();
                continue;
            }
            pending.put(r, pool.submit(() -> fetch(request)));
        }
        for (ConsumerRecord<String, byte[]> r : order) {
            if (errors.containsKey(r)) {
                out.deadLetter(r, errors.get(r));
                continue;
            }
            Future<Fetched> future = pending.get(r);
            if (future == null) {
                continue;
            }
            Fetched result;
            try {
                result = future.get();
            } catch (ExecutionException e) {
                result = new Fetched(null, "fetch failed: " + e.getCause());
            }
            if (result.page != null) {
                String id = result.page.page().articleId();
                out.send(Topic.RAW, id, EventCodec.encodeRawPage(result.page.page(), result.page.body()));
                fetched.add(id);
                pages.increment();
            } else {
                failures.increment();
                out.deadLetter(r, result.error);
            }
        }
    }

    private Fetched fetch(FetchRequest request) throws InterruptedException {
        FetchResult result = null;
        for (int attempt = 1; result == null; attempt++) {
            long start = System.nanoTime();
            try {
                result = fetcher.fetch(request.url(), null, true);
            } catch (FetchException e) {
                Duration wait = retryWait(e, attempt);
                if (wait == null) {
                    return new Fetched(null, "fetch failed (" + e.kind() + (attempt > 1 ? ", " + attempt
                            + " attempts" : "") + "): " + e.getMessage());
                }
                Thread.sleep(wait.toMillis());
            } finally {
                latency.record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
        bytes.increment(result.body() == null ? 0 : result.body().length);
        if (result.status() != 200) {
            return new Fetched(null, "HTTP " + result.status() + " for " + request.url());
        }
        if (!result.isHtml()) {
            return new Fetched(null, "not HTML (" + result.contentType() + "): " + request.url());
        }
        // the body stays bytes (UTF-8 as nearly every page is), never a String on its way to news.raw
        RawPage page = new RawPage(Event.SCHEMA_VERSION, request.articleId(), request.url(), result.finalUrl(),
                request.feedId(), request.item(), Instant.now(), result.status(), result.headers(), result.charset(),
                null, false);
        return new Fetched(new RawPageUtf8(page, result.utf8Text()), null);
    }

    /**
     * How long to wait before trying a failed fetch again inside this batch, or null to give up (the request
     * then goes to the dead letters, from which it can be replayed). Only failures that may pass are retried
     * (timeouts, unreachable hosts, 429 and 5xx), briefly, because the batch's transaction stays open.
     */
    static Duration retryWait(FetchException e, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            return null;
        }
        boolean transientFailure = switch (e.kind()) {
            case TIMEOUT, UNREACHABLE -> true;
            case HTTP_ERROR -> e.status() != null && (e.status() == 429 || e.status() >= 500);
            default -> false;
        };
        if (!transientFailure) {
            return null;
        }
        Duration wait = e.retryAfter().orElse(Duration.ofMillis(500L * attempt));
        return wait.compareTo(MAX_RETRY_WAIT) > 0 ? null : wait;
    }

    private record Fetched(RawPageUtf8 page, String error) {
    }

    @Override
    public void close() {
        loop.close();
        pool.shutdownNow();
    }
}
