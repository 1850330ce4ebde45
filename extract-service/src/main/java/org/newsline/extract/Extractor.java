package org.newsline.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsline.events.Article;
import org.newsline.events.Event;
import org.newsline.events.FeedItem;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Statement;
import org.newsline.extract.article.ArticleExtractor;
import org.newsline.extract.article.ExtractedPage;
import org.newsline.extract.statements.FoundStatement;
import org.newsline.extract.statements.StatementExtractor;

/**
 * The one entry point of extraction: a fetched page in, the whole {@link Article} out (body, metadata and
 * statements), the feed item's values filling what the page lacks. The service and {@code newsctl extract}
 * both call this. Thread-safe.
 */
public final class Extractor {

    /** Bumped whenever extraction output changes, so the store replaces older results on replay. */
    public static final String VERSION = "0.2.0";

    private final ArticleExtractor articles = new ArticleExtractor();
    private final StatementExtractor statements = new StatementExtractor();
    private final String version;

    public Extractor() {
        this(VERSION);
    }

    /** An extractor that stamps another version (for replay tests). */
    public Extractor(String version) {
        this.version = version;
    }

    public String version() {
        return version;
    }

    public Article extract(RawPage page) {
        return extractExplained(page).article();
    }

    /** The article and, stage by stage, what decided it (for {@code newsctl extract --explain}). */
    public Explained extractExplained(RawPage page) {
        ExtractedPage found = articles.extract(page.body(), page.finalUrl() != null ? page.finalUrl() : page.url());
        return new Explained(assemble(page, found, Instant.now()), found.explanation());
    }

    /** An article with the extractor's explanation of it. */
    public record Explained(Article article, List<String> explanation) {
    }

    /** The article for {@code page} given what the body extractor found. */
    Article assemble(RawPage page, ExtractedPage found, Instant now) {
        FeedItem item = page.item();
        String text = found.text();
        List<FoundStatement> foundStatements = found.isArticle() ? statements.extract(text) : List.of();
        Instant published = found.publishedAt() != null ? found.publishedAt() : item == null ? null : item.published();
        List<Statement> list = new ArrayList<>(foundStatements.size());
        for (int i = 0; i < foundStatements.size(); i++) {
            FoundStatement s = foundStatements.get(i);
            list.add(new Statement(Event.SCHEMA_VERSION, Ids.statementId(page.articleId(), version, s.start(),
                    s.end(), s.kind()), page.articleId(), page.url(), version, i, s.quote(), s.speaker(),
                    s.speakerCanonical(), s.cue(), s.kind(), s.start(), s.end(), published));
        }
        String title = firstNonBlank(found.title(), item == null ? null : item.title());
        List<String> authors = found.authors();
        if (authors.isEmpty() && item != null && item.author() != null && !item.author().isBlank()) {
            authors = List.of(item.author().strip());
        }
        String description = firstNonBlank(found.description(), item == null ? null : item.summary());
        return new Article(Event.SCHEMA_VERSION, page.articleId(), page.url(), found.canonicalUrl(), page.feedId(),
                page.fetchedAt(), now, version, found.isArticle(), title, authors, published, found.modifiedAt(),
                found.language(), found.siteName(), description, found.image(), found.section(), found.tags(),
                text, found.html(), wordCount(text), Ids.contentHash(text), list.size(), list);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }
}
