/**
 * Safe HTTP fetching for feeds and pages: {@link org.newsline.ingest.http.HttpFetcher} with a
 * {@link org.newsline.ingest.http.FetchPolicy} gives a {@link org.newsline.ingest.http.FetchResult} or a
 * {@link org.newsline.ingest.http.FetchException} whose kind says what went wrong. Only http and https; every
 * address checked before connecting (and the connection made to that very address); redirects, size and time
 * limited. The other public classes ({@code CharsetDetector}, {@code ContentSniffer}, {@code RetryAfter},
 * {@code FetchUrl}, {@code Utf8Scan}) are small helpers the feed package shares.
 */
package org.newsline.ingest.http;
