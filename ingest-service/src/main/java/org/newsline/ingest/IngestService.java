package org.newsline.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.newsline.runtime.config.ConfigException;
import org.newsline.runtime.config.Setting;
import org.newsline.ingest.feed.FeedParser;
import org.newsline.ingest.fetch.PageFetchService;
import org.newsline.ingest.http.FetchPolicy;
import org.newsline.ingest.http.HttpFetcher;
import org.newsline.ingest.poll.FeedPoller;
import org.newsline.ingest.politeness.HostPoliteness;
import org.newsline.ingest.politeness.PoliteFetcher;
import org.newsline.ingest.politeness.RobotsRules;
import org.newsline.ingest.schedule.PollSchedule;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import org.newsline.runtime.health.Health;
import org.newsline.runtime.kafka.InstanceId;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * The ingest service: the feed poller (news.feeds to news.fetch and news.feed-state) and the page fetcher
 * (news.fetch to news.raw), sharing one fetch policy and one per-host politeness.
 */
public final class IngestService implements AutoCloseable {

    /** The name robots.txt rules are matched against. */
    static final String ROBOTS_AGENT = "newsline";

    private final HttpFetcher fetcher;
    private final FeedPoller poller;
    private final PageFetchService pages;
    private boolean pollerStarted;
    private boolean pagesStarted;

    public IngestService(KafkaClients clients, MeterRegistry metrics) {
        NewslineConfig config = clients.config();
        this.fetcher = new HttpFetcher(fetchPolicy(config));
        HostPoliteness politeness = politeness(config);
        PollSchedule schedule = new PollSchedule(PollSchedule.Settings.defaults()
                .withBounds(config.duration(Settings.POLL_MIN_INTERVAL), config.duration(Settings.POLL_MAX_INTERVAL)),
                RandomGenerator.getDefault());
        String instance = InstanceId.of(config);
        int threads = config.integer(Settings.FETCH_THREADS);
        // polls and page fetches share one politeness: per-host limits hold across both
        PoliteFetcher polite = new PoliteFetcher(fetcher, politeness, new RobotsRules(fetcher, ROBOTS_AGENT));
        this.poller = new FeedPoller(clients, polite, new FeedParser(), schedule, instance, threads, metrics);
        this.pages = new PageFetchService(clients, polite, instance, threads, metrics);
    }

    /** The fetch policy the configuration describes; the store checks new subscriptions with the same. */
    public static FetchPolicy fetchPolicy(NewslineConfig config) {
        FetchPolicy policy = FetchPolicy.defaults()
                .withAllowPrivateAddresses(config.bool(Settings.FETCH_ALLOW_PRIVATE))
                .withMaxBodyBytes(config.size(Settings.FETCH_MAX_BODY))
                .withTimeouts(config.duration(Settings.FETCH_CONNECT_TIMEOUT), config.duration(Settings.FETCH_READ_TIMEOUT),
                        config.duration(Settings.FETCH_TOTAL_TIMEOUT))
                .withMaxRedirects(config.integer(Settings.FETCH_MAX_REDIRECTS))
                .withUserAgent(config.string(Settings.FETCH_USER_AGENT));
        for (String host : config.list(Settings.FETCH_ALLOWED_HOSTS)) {
            policy = policy.withAllowedHost(host);
        }
        return policy;
    }

    /**
     * Per-host politeness from the configuration: the defaults, and rules {@code pattern=concurrency/delay}
     * such as {@code *.example.org=4/250ms}.
     */
    static HostPoliteness politeness(NewslineConfig config) {
        HostPoliteness.Limits defaults = new HostPoliteness.Limits(config.integer(Settings.FETCH_HOST_CONCURRENCY),
                config.duration(Settings.FETCH_HOST_DELAY));
        List<HostPoliteness.HostRule> rules = new ArrayList<>();
        for (String entry : config.list(Settings.FETCH_HOST_OVERRIDES)) {
            int eq = entry.indexOf('=');
            int slash = entry.indexOf('/', eq + 1);
            if (eq <= 0 || slash < 0) {
                throw new ConfigException(Settings.FETCH_HOST_OVERRIDES.key() + ": expected pattern=concurrency/delay, got '"
                        + entry + "'");
            }
            try {
                rules.add(new HostPoliteness.HostRule(entry.substring(0, eq).strip(), new HostPoliteness.Limits(
                        Integer.parseInt(entry.substring(eq + 1, slash).strip()),
                        Setting.parseDuration(entry.substring(slash + 1)))));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(Settings.FETCH_HOST_OVERRIDES.key() + ": bad entry '" + entry + "': "
                        + e.getMessage());
            }
        }
        return new HostPoliteness(defaults, rules);
    }

    /** Starts the poller and the page fetcher. */
    public IngestService start() {
        startPollerOnly();
        pagesStarted = true;
        pages.start();
        return this;
    }

    /**
     * Starts the poller alone: feeds are polled and their fetch requests written to {@code news.fetch}, but no
     * page is fetched here (the polls benchmark measures polling so; another instance can do the fetching).
     */
    public IngestService startPollerOnly() {
        pollerStarted = true;
        poller.start();
        return this;
    }

    public void addHealthChecks(Health health) {
        health.add("ingest.poller", poller::joined);
        health.add("ingest.fetcher", () -> pages.loop().joined());
    }

    @Override
    public void close() {
        if (pollerStarted) {
            poller.stop(Duration.ofSeconds(10));
        }
        if (pagesStarted) {
            pages.close();
        }
        fetcher.close();
    }
}
