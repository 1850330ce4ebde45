/**
 * Article extraction: finds the article in an HTML page and reads its metadata.
 *
 * <p>{@link org.newsline.extract.article.ArticleExtractor} is the one entry point. Its stages, each a class with
 * one job and all thresholds in {@code ExtractionSettings}:
 *
 * <ol>
 *   <li>{@code HtmlInputLimiter} caps size and tag count so hostile input cannot exhaust memory; Jsoup parses
 *       with a nesting cap.</li>
 *   <li>{@code metadata.MetadataReader} reads JSON-LD, OpenGraph, meta tags, microdata, {@code <time>} and
 *       bylines in one pass.</li>
 *   <li>{@code BodyExtractor} runs the cascade: {@code PageAnalysis} walks the body once, dropping boilerplate
 *       as {@code BoilerplateStripper} decides (tags, forms without prose, hidden elements, class/id names from
 *       {@code AttributeSignals}) and counting prose, links and dropped text per element;
 *       {@code ContentScorer} picks the container with the most closely held prose net of boilerplate;
 *       {@code CleanHtmlWriter} writes its text and clean HTML. When that yields too little, the same runs with
 *       relaxed stripping, then {@code BaselineExtractor}, then the JSON-LD {@code articleBody}.</li>
 *   <li>{@code PageClassifier} decides whether the page is an article.</li>
 * </ol>
 *
 * <p>Every stage adds a line to {@link org.newsline.extract.article.ExtractedPage#explanation()}.
 */
package org.newsline.extract.article;
