/**
 * Feed reading: {@link org.newsline.ingest.feed.FeedParser} turns RSS, Atom and JSON Feed bodies into a
 * {@link org.newsline.ingest.feed.ParsedFeed} (defects repaired and listed, never fatal);
 * {@link org.newsline.ingest.feed.FeedDiscovery} finds the feed behind a site URL.
 */
package org.newsline.ingest.feed;
