/**
 * Throughput benchmark of the article extractor against Jsoup parse-only
 * ({@link org.newsline.extract.bench.ExtractionBench}).
 */
package org.newsline.extract.bench;
