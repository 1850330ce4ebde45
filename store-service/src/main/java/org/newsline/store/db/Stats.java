package org.newsline.store.db;

/**
 * Exact counts. {@code articles} counts records with {@code isArticle == true} (what {@code GET /api/articles}
 * lists by default); {@code nonArticles} the fetched pages that were not articles.
 */
public record Stats(long articles, long nonArticles, long statements, long rawPages, long deadLetters, long feeds) {
}
