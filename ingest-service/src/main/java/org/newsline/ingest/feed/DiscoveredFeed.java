package org.newsline.ingest.feed;

/**
 * The feed found for a URL a user gave.
 *
 * @param feedUrl the feed's URL (after redirects), the one to subscribe
 * @param feed    the feed as parsed while checking it
 * @param how     which feed was chosen and why, for the user: {@code "the URL is an RSS feed"},
 *                {@code "<link rel=alternate type=application/atom+xml> on https://example.com/"}
 */
public record DiscoveredFeed(String feedUrl, ParsedFeed feed, String how) {
}
