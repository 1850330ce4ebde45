package org.newsline.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.FetchResult;
import org.newsline.ingest.http.FetchUrl;
import org.newsline.ingest.http.HttpFetcher;

/**
 * robots.txt per site, fetched with the same {@link HttpFetcher} (so the same address checks apply) and cached:
 * a 2xx is parsed with crawler-commons for our agent name; a 4xx (no robots.txt) allows everything; a 5xx, 429,
 * timeout or unreachable host disallows everything for a short while (RFC 9309 section 2.3.1.4), then it is
 * fetched again. Thread-safe.
 */
public final class RobotsRules {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_FAILURE_TTL = Duration.ofMinutes(10);
    private static final int MAX_SITES = 50_000;

    private record SiteRules(BaseRobotRules rules, Instant expires, String source) {
    }

    private final HttpFetcher fetcher;
    private final String agent;
    private final Duration ttl;
    private final Duration failureTtl;
    private final Clock clock;
    private final Map<String, SiteRules> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SiteRules> eldest) {
            return size() > MAX_SITES;
        }
    };

    /** Rules for {@code agent} (the product token robots.txt names, e.g. {@code "newsline"}). */
    public RobotsRules(HttpFetcher fetcher, String agent) {
        this(fetcher, agent, DEFAULT_TTL, DEFAULT_FAILURE_TTL, Clock.systemUTC());
    }

    public RobotsRules(HttpFetcher fetcher, String agent, Duration ttl, Duration failureTtl, Clock clock) {
        this.fetcher = fetcher;
        this.agent = agent.strip().toLowerCase(Locale.ROOT);
        this.ttl = ttl;
        this.failureTtl = failureTtl;
        this.clock = clock;
    }

    /** True if robots.txt lets us fetch {@code url}. */
    public boolean isAllowed(String url) throws FetchException {
        return rules(url).isAllowed(url);
    }

    /**
     * Returns if {@code url} may be fetched, else throws {@link FetchException.Kind#NOT_ALLOWED_BY_ROBOTS}.
     *
     * @throws FetchException also {@code INVALID_URL} or {@code BLOCKED_ADDRESS} for a URL that could not be
     *                        fetched anyway
     */
    public void check(String url) throws FetchException {
        SiteRules entry = entry(url);
        if (!entry.rules().isAllowed(url)) {
            throw new FetchException(FetchException.Kind.NOT_ALLOWED_BY_ROBOTS, url,
                    "robots.txt disallows it for " + agent + " (" + entry.source() + ")");
        }
    }

    /** The {@code Crawl-delay} the site asks of us, if any. */
    public Optional<Duration> crawlDelay(String url) throws FetchException {
        long delay = rules(url).getCrawlDelay();
        return delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay <= 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(delay));
    }

    /** True if the rules for {@code url}'s site are cached and fresh, so a check makes no request. */
    public boolean isCached(String url) throws FetchException {
        String site = site(url);
        synchronized (cache) {
            SiteRules cached = cache.get(site);
            return cached != null && cached.expires().isAfter(clock.instant());
        }
    }

    private BaseRobotRules rules(String url) throws FetchException {
        return entry(url).rules();
    }

    private SiteRules entry(String url) throws FetchException {
        String site = site(url);
        Instant now = clock.instant();
        synchronized (cache) {
            SiteRules cached = cache.get(site);
            if (cached != null && cached.expires().isAfter(now)) {
                return cached;
            }
        }
        // fetched outside the lock: one slow site must not hold up the others (a rare double fetch is fine)
        SiteRules fresh = load(site, now);
        synchronized (cache) {
            cache.put(site, fresh);
        }
        return fresh;
    }

    private SiteRules load(String site, Instant now) throws FetchException {
        String robotsUrl = site + "/robots.txt";
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        try {
            FetchResult r = fetcher.fetch(robotsUrl, null, "text/plain,*/*;q=0.5");
            BaseRobotRules rules = parser.parseContent(robotsUrl, r.body(), r.contentType(), List.of(agent));
            return new SiteRules(rules, now.plus(ttl), robotsUrl);
        } catch (FetchException e) {
            switch (e.kind()) {
                case INVALID_URL, BLOCKED_ADDRESS -> throw e;
                case HTTP_ERROR -> {
                    int status = e.status();
                    if (status >= 400 && status < 500 && status != 429) {
                        return new SiteRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL),
                                now.plus(ttl), robotsUrl + " answered " + status + ": allow all");
                    }
                    return disallowBriefly(robotsUrl + " answered " + status, now);
                }
                default -> {
                    return disallowBriefly(robotsUrl + " failed: " + e.kind(), now);
                }
            }
        }
    }

    private SiteRules disallowBriefly(String why, Instant now) {
        return new SiteRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), now.plus(failureTtl),
                why + ": disallow until " + now.plus(failureTtl));
    }

    private static String site(String url) throws FetchException {
        FetchUrl u = FetchUrl.parse(url);
        URI uri = u.uri();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + u.hostHeader();
    }
}
