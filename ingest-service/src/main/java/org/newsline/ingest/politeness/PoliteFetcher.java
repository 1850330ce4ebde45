package org.newsline.ingest.politeness;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.FetchResult;
import org.newsline.ingest.http.FetchUrl;
import org.newsline.ingest.http.HttpFetcher;
import org.newsline.ingest.http.Validators;

/**
 * {@link HttpFetcher} behind {@link HostPoliteness} and, optionally, {@link RobotsRules}: waits for the host's
 * permit, checks robots.txt, fetches, and on 429 or 503 makes the host wait for its {@code Retry-After} (or
 * {@link #DEFAULT_BACK_OFF}). A site's {@code Crawl-delay} is honoured up to {@link #MAX_CRAWL_DELAY}. Feed polls
 * and page fetches share one instance so that they share each host's limits. Thread-safe.
 */
public final class PoliteFetcher {

    /** Back-off after a 429 or 503 without {@code Retry-After}. */
    public static final Duration DEFAULT_BACK_OFF = Duration.ofSeconds(60);
    /** Longest {@code Crawl-delay} honoured; sites asking for hours between requests would never be read. */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    private final HttpFetcher fetcher;
    private final HostPoliteness politeness;
    private final RobotsRules robots;

    /** {@code robots} may be null: no robots.txt checks at all. */
    public PoliteFetcher(HttpFetcher fetcher, HostPoliteness politeness, RobotsRules robots) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.politeness = Objects.requireNonNull(politeness, "politeness");
        this.robots = robots;
    }

    /**
     * Fetches {@code url} politely.
     *
     * @param checkRobots whether robots.txt applies (pages: yes; a feed the user subscribed to: a policy choice)
     * @throws FetchException       as {@link HttpFetcher#fetch}, or {@code NOT_ALLOWED_BY_ROBOTS}
     * @throws InterruptedException while waiting for the host
     */
    public FetchResult fetch(String url, Validators validators, boolean checkRobots)
            throws FetchException, InterruptedException {
        try {
            return fetch(url, validators, checkRobots, null);
        } catch (HostBusyException e) {
            throw new IllegalStateException("waited without a limit", e);
        }
    }

    /**
     * As {@link #fetch(String, Validators, boolean)}, but waits at most {@code maxWait} (null: without limit) for
     * the host's permit (for robots.txt and for the page each).
     *
     * @throws HostBusyException if the host's limits or its {@code Retry-After} do not allow a request by then
     */
    public FetchResult fetch(String url, Validators validators, boolean checkRobots, Duration maxWait)
            throws FetchException, InterruptedException, HostBusyException {
        String host = FetchUrl.parse(url).host();
        if (checkRobots && robots != null) {
            if (robots.isCached(url)) {
                robots.check(url);
            } else {
                // fetching robots.txt is a request to the host like any other: it takes a permit
                HostPermit permit = permit(host, maxWait);
                try {
                    robots.check(url);
                } finally {
                    permit.close();
                }
            }
        }
        return fetchHolding(permit(host, maxWait), url, validators, checkRobots);
    }

    private HostPermit permit(String host, Duration maxWait) throws InterruptedException, HostBusyException {
        Optional<HostPermit> permit = politeness.acquire(host, maxWait);
        if (permit.isEmpty()) {
            throw new HostBusyException(host, politeness.delayFor(host));
        }
        return permit.get();
    }

    /**
     * A permit to ask {@code url}'s host now, if its limits allow; never blocks. A caller that schedules many
     * requests takes permits this way, so no thread of its own ever waits for a busy or slow host.
     *
     * @throws FetchException {@code INVALID_URL} if {@code url} is not a fetchable URL
     */
    public Optional<HostPermit> tryPermit(String url) throws FetchException {
        return politeness.tryAcquire(FetchUrl.parse(url).host());
    }

    /** How long until {@code url}'s host may be asked again (its delay or a Retry-After); zero if now. */
    public Duration delayFor(String url) throws FetchException {
        return politeness.delayFor(FetchUrl.parse(url).host());
    }

    /**
     * Fetches {@code url} under {@code permit} (from {@link #tryPermit} for the same URL), without robots.txt
     * checks; closes the permit when done.
     */
    public FetchResult fetch(HostPermit permit, String url, Validators validators) throws FetchException {
        return fetchHolding(Objects.requireNonNull(permit, "permit"), url, validators, false);
    }

    private FetchResult fetchHolding(HostPermit permit, String url, Validators validators, boolean checkRobots)
            throws FetchException {
        try {
            FetchResult result = fetcher.fetch(url, validators);
            crawlDelay(url, permit.host(), checkRobots);
            return result;
        } catch (FetchException e) {
            Integer status = e.status();
            if (status != null && (status == 429 || status == 503)) {
                politeness.backOff(permit.host(), e.retryAfter().orElse(DEFAULT_BACK_OFF));
            }
            throw e;
        } finally {
            permit.close();
        }
    }

    private void crawlDelay(String url, String host, boolean checkRobots) throws FetchException {
        if (!checkRobots || robots == null) {
            return;
        }
        Optional<Duration> delay = robots.crawlDelay(url);
        if (delay.isPresent() && delay.get().compareTo(politeness.limitsFor(host).minDelay()) > 0) {
            Duration d = delay.get().compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay.get();
            politeness.backOff(host, d);
        }
    }
}
