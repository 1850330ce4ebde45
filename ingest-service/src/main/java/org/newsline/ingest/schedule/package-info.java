/**
 * When to poll each feed: {@link org.newsline.ingest.schedule.PollSchedule} (adaptive interval, back-off, jitter)
 * fed by {@link org.newsline.ingest.schedule.FeedHints} (ttl, Cache-Control, Expires, Retry-After).
 */
package org.newsline.ingest.schedule;
