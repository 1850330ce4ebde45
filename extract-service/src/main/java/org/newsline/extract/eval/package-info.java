/**
 * Evaluation of the article extractor with the article-extraction-benchmark metric
 * ({@link org.newsline.extract.eval.ExtractionEval}, {@link org.newsline.extract.eval.ShingleMetric}).
 */
package org.newsline.extract.eval;
