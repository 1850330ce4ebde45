package org.newsline.store.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.newsline.events.Event;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedSubscription;
import org.newsline.events.Ids;
import org.newsline.events.InvalidUrlException;
import org.newsline.events.Topic;
import org.newsline.events.UrlCanonicalizer;
import org.newsline.ingest.feed.DiscoveredFeed;
import org.newsline.ingest.feed.FeedDiscovery;
import org.newsline.ingest.feed.FeedParseException;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.FetchPolicy;
import org.newsline.ingest.http.HttpFetcher;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.store.api.FeedPatch;
import org.newsline.store.api.FeedRejectedException;
import org.newsline.store.api.FeedSubscriptions;
import org.newsline.store.api.UnknownFeedException;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.FeedView;

/**
 * Subscriptions on Kafka: a new feed is checked at once with the same fetch policy as ingest (reachable,
 * allowed, really a feed, or a page whose feed is discovered), then written to the compacted
 * {@code news.feeds} topic, from which every ingest instance and the store's tables follow.
 */
public final class KafkaFeedSubscriptions implements FeedSubscriptions, AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaClients clients;
    private final ArticleStore store;
    private final HttpFetcher fetcher;
    private final FeedDiscovery discovery;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaFeedSubscriptions(KafkaClients clients, ArticleStore store, FetchPolicy policy) {
        this.clients = clients;
        this.store = store;
        this.fetcher = new HttpFetcher(policy);
        this.discovery = new FeedDiscovery(fetcher);
        this.producer = clients.producer(null);
    }

    @Override
    public FeedSubscription subscribe(String url, List<String> tags, Duration interval) {
        try {
            UrlCanonicalizer.canonicalize(url);
        } catch (InvalidUrlException e) {
            throw new FeedRejectedException(url, FeedRejectedException.Reason.INVALID_URL, e.getMessage());
        }
        DiscoveredFeed found;
        try {
            found = discovery.discover(url);
        } catch (FetchException e) {
            FeedRejectedException.Reason reason = switch (e.kind()) {
                case BLOCKED_ADDRESS, NOT_ALLOWED_BY_ROBOTS -> FeedRejectedException.Reason.NOT_ALLOWED;
                case INVALID_URL -> FeedRejectedException.Reason.INVALID_URL;
                default -> FeedRejectedException.Reason.UNREACHABLE;
            };
            throw new FeedRejectedException(url, reason, "cannot subscribe " + url + ": " + e.getMessage());
        } catch (FeedParseException e) {
            throw new FeedRejectedException(url, FeedRejectedException.Reason.NOT_A_FEED,
                    "cannot subscribe " + url + ": " + e.getMessage());
        }
        // a URL that is itself the feed keeps its own spelling, so subscribing it again gives the same id
        String feedUrl = found.how().startsWith("the URL is a feed") ? url : found.feedUrl();
        String feedId = Ids.feedId(feedUrl);
        Instant now = Instant.now();
        Instant createdAt = find(feedId).map(FeedView::createdAt).orElse(now);
        FeedSubscription sub = new FeedSubscription(Event.SCHEMA_VERSION, feedId, feedUrl, found.feed().title(),
                tags, interval, false, createdAt, now);
        write(feedId, sub);
        return sub;
    }

    @Override
    public FeedSubscription update(String feedId, FeedPatch patch) {
        FeedView current = find(feedId).orElseThrow(() -> new UnknownFeedException(feedId));
        FeedSubscription before = new FeedSubscription(Event.SCHEMA_VERSION, current.feedId(), current.url(),
                current.title(), current.tags(), current.interval(), current.paused(), current.createdAt(),
                current.updatedAt());
        FeedSubscription after = patch.applyTo(before, Instant.now());
        write(feedId, after);
        return after;
    }

    @Override
    public boolean unsubscribe(String feedIdOrUrl) {
        String feedId;
        if (Ids.isId(feedIdOrUrl)) {
            feedId = feedIdOrUrl;
        } else {
            try {
                feedId = Ids.feedId(feedIdOrUrl);
            } catch (InvalidUrlException e) {
                return false;
            }
        }
        if (find(feedId).isEmpty()) {
            return false;
        }
        write(feedId, null);
        return true;
    }

    private Optional<FeedView> find(String feedId) {
        return store.feeds().stream().filter(f -> f.feedId().equals(feedId)).findFirst();
    }

    private void write(String feedId, FeedSubscription sub) {
        String topic = Topic.FEEDS.name(clients.config().topicPrefix());
        try {
            producer.send(new ProducerRecord<>(topic, feedId, sub == null ? null : EventCodec.encode(sub)))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the subscription", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the subscription to Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        fetcher.close();
    }
}
