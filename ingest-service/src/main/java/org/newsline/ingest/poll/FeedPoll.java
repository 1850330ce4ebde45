package org.newsline.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsline.events.Event;
import org.newsline.events.FeedItem;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.FetchRequest;
import org.newsline.events.InvalidUrlException;
import org.newsline.ingest.feed.FeedParseException;
import org.newsline.ingest.feed.FeedParser;
import org.newsline.ingest.feed.ParsedFeed;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.FetchResult;
import org.newsline.ingest.politeness.HostPermit;
import org.newsline.ingest.politeness.PoliteFetcher;
import org.newsline.ingest.schedule.FeedHints;
import org.newsline.ingest.http.Validators;
import org.newsline.ingest.schedule.PollSchedule;

/**
 * One poll of one feed: a conditional GET (unconditional at least every 12 hours, since some servers answer
 * 304 wrongly), the feed parsed, its new items turned into fetch requests, and the feed's next state.
 * Failures never drop the feed: they are recorded and the next poll backs off.
 */
final class FeedPoll {

    static final Duration UNCONDITIONAL_EVERY = Duration.ofHours(12);
    /** How many item ids a feed remembers, at least. */
    static final int MIN_REMEMBERED_ITEMS = 500;
    static final Duration NEW_ITEM_WINDOW = Duration.ofDays(7);

    private final PoliteFetcher fetcher;
    private final FeedParser parser;
    private final PollSchedule schedule;

    FeedPoll(PoliteFetcher fetcher, FeedParser parser, PollSchedule schedule) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.schedule = schedule;
    }

    PollResult poll(FeedSubscription sub, FeedState previous, Instant now) throws InterruptedException {
        return poll(sub, previous, now, null);
    }

    /**
     * One poll; with a {@code permit} for the feed's host (taken by the caller, closed here) it never waits for
     * the host, without one it waits for the host's permit.
     */
    PollResult poll(FeedSubscription sub, FeedState previous, Instant now, HostPermit permit)
            throws InterruptedException {
        FeedState prev = previous != null ? previous : FeedState.initial(sub.feedId(), sub.url());
        boolean unconditional = prev.lastUnconditionalAt() == null
                || prev.lastUnconditionalAt().plus(UNCONDITIONAL_EVERY).isBefore(now);
        Validators validators = unconditional ? null : new Validators(prev.etag(), prev.lastModified());
        FetchResult result;
        try {
            // a feed the user subscribed to is polled whatever robots.txt says about crawlers
            result = permit != null ? fetcher.fetch(permit, sub.url(), validators)
                    : fetcher.fetch(sub.url(), validators, false);
        } catch (FetchException e) {
            return failure(sub, prev, now, e.status(), e.kind() + ": " + e.getMessage(),
                    e.retryAfter().orElse(null));
        }
        Instant lastUnconditional = unconditional ? now : prev.lastUnconditionalAt();
        List<Instant> recentTimes = recent(prev.recentNewItemTimes(), now);
        if (result.notModified()) {
            return new PollResult(new FeedState(Event.SCHEMA_VERSION, sub.feedId(), sub.url(), prev.title(),
                    prev.etag(), prev.lastModified(), now, now, lastUnconditional,
                    schedule.nextPollAfterSuccess(recentTimes, FeedHints.of(null, result.headers(), now),
                            sub.interval(), now), prev.currentInterval(),
                    prev.recentItemIds(), List.of(), recentTimes, 0, 304, null, prev.defects()), List.of());
        }
        ParsedFeed feed;
        try {
            feed = parser.parse(result.body(), result.contentType(), result.finalUrl());
        } catch (FeedParseException e) {
            return failure(sub, prev, now, result.status(), "not a readable feed: " + e.getMessage(), null);
        }
        Set<String> known = new LinkedHashSet<>(prev.recentItemIds());
        List<String> newIds = new ArrayList<>();
        List<FetchRequest> requests = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            String id = item.guid() != null && !item.guid().isBlank() ? item.guid() : item.link();
            if (id == null || known.contains(id) || newIds.contains(id)) {
                continue;
            }
            newIds.add(id);
            if (item.link() == null) {
                continue;
            }
            try {
                requests.add(FetchRequest.of(item.link(), sub.feedId(), item, now));
            } catch (InvalidUrlException e) {
                // a link we cannot fetch (mailto:, javascript:, ...) is remembered and skipped
            }
        }
        List<String> remembered = new ArrayList<>(newIds);
        remembered.addAll(known);
        int keep = Math.max(MIN_REMEMBERED_ITEMS, feed.items().size() * 2);
        if (remembered.size() > keep) {
            remembered = remembered.subList(0, keep);
        }
        List<Instant> times = new ArrayList<>(recentTimes);
        // the first poll of a feed finds its whole backlog; that says nothing about how often it publishes
        if (prev.lastSuccessAt() != null) {
            for (int i = 0; i < newIds.size(); i++) {
                times.add(now);
            }
        } else {
            for (FeedItem item : feed.items()) {
                if (item.published() != null && item.published().isAfter(now.minus(NEW_ITEM_WINDOW))
                        && !item.published().isAfter(now)) {
                    times.add(item.published());
                }
            }
        }
        times.sort(null);
        if (times.size() > 200) {
            times = times.subList(times.size() - 200, times.size());
        }
        Instant next = schedule.nextPollAfterSuccess(times, FeedHints.of(feed.ttlHint(), result.headers(), now),
                sub.interval(), now);
        String etag = result.headers().get("etag");
        String lastModified = result.headers().get("last-modified");
        FeedState state = new FeedState(Event.SCHEMA_VERSION, sub.feedId(), sub.url(),
                feed.title() != null ? feed.title() : prev.title(), etag, lastModified, now, now, lastUnconditional,
                next, Duration.between(now, next), remembered, List.of(), times, 0, result.status(), null,
                feed.defects());
        return new PollResult(state, requests);
    }

    private PollResult failure(FeedSubscription sub, FeedState prev, Instant now, Integer status, String error,
                               Duration retryAfter) {
        int failures = prev.consecutiveFailures() + 1;
        Instant next = schedule.nextPollAfterFailure(failures, retryAfter, now);
        return new PollResult(new FeedState(Event.SCHEMA_VERSION, sub.feedId(), sub.url(), prev.title(), prev.etag(),
                prev.lastModified(), now, prev.lastSuccessAt(), prev.lastUnconditionalAt(), next,
                Duration.between(now, next), prev.recentItemIds(), List.of(),
                recent(prev.recentNewItemTimes(), now), failures, status, error, prev.defects()), List.of());
    }

    private static List<Instant> recent(List<Instant> times, Instant now) {
        Instant cutoff = now.minus(NEW_ITEM_WINDOW);
        return times.stream().filter(t -> t.isAfter(cutoff)).toList();
    }
}
