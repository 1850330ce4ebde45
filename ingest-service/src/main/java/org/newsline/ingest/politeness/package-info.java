/**
 * Being a good guest: per-host limits and Retry-After ({@link org.newsline.ingest.politeness.HostPoliteness}),
 * robots.txt ({@link org.newsline.ingest.politeness.RobotsRules}), and both around the fetcher
 * ({@link org.newsline.ingest.politeness.PoliteFetcher}).
 */
package org.newsline.ingest.politeness;
