package org.newsline.store.db;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.newsline.events.Article;
import org.newsline.events.DeadLetter;
import org.newsline.events.Event;
import org.newsline.events.FeedItem;
import org.newsline.events.FeedState;
import org.newsline.events.FeedSubscription;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Statement;
import org.newsline.events.StatementKind;

/** Articles, statements and pages as the topics carry them. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123Z");
    public static final String FEED_URL = "https://news.example.org/rss.xml";
    public static final String FEED_ID = Ids.feedId(FEED_URL);

    private Fixtures() {
    }

    public static String url(int n) {
        return "https://news.example.org/2026/03/story-" + n;
    }

    public static String id(int n) {
        return Ids.articleId(url(n));
    }

    /** Article {@code n}, published {@code n} minutes after T0, with the given speakers' statements. */
    public static Article article(int n, String version, String text, String... speakers) {
        return article(n, version, T0.plus(Duration.ofMinutes(n)), text, speakers);
    }

    public static Article article(int n, String version, Instant publishedAt, String text, String... speakers) {
        String articleId = id(n);
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < speakers.length; i++) {
            String[] names = speakers[i].split("\\|");
            String quote = "Quote " + i + " of story " + n + " by " + names[0] + " in version " + version;
            StatementKind kind = StatementKind.values()[i % 3];
            statements.add(new Statement(Event.SCHEMA_VERSION, Ids.statementId(articleId, version, i * 100,
                    i * 100 + 50, kind), articleId, url(n), version, i, quote, names[0],
                    names.length > 1 ? names[1] : null, "said", kind, i * 100, i * 100 + 50, publishedAt));
        }
        return new Article(Event.SCHEMA_VERSION, articleId, url(n), url(n) + "?canonical", FEED_ID,
                publishedAt.plusSeconds(30), publishedAt.plusSeconds(40), version, true, "Story " + n + " " + version,
                List.of("Jane Doe", "John Roe"), publishedAt, publishedAt.plusSeconds(10), "en-GB", "Example News",
                "Description of story " + n, "https://news.example.org/img/" + n + ".jpg", "world",
                List.of("politics"), text, "<article><p>" + text + "</p></article>", text.split(" ").length,
                Ids.contentHash(text), statements.size(), statements);
    }

    public static RawPage rawPage(int n, Instant fetchedAt, String body, boolean replay) {
        return new RawPage(Event.SCHEMA_VERSION, id(n), url(n), url(n) + "?final", FEED_ID,
                new FeedItem("Story " + n, url(n), "guid-" + n, T0, "Jane Doe", "Summary " + n), fetchedAt, 200,
                Map.of("Content-Type", "text/html; charset=utf-8", "ETag", "\"e" + n + "\""), "UTF-8", body, replay);
    }

    public static FeedSubscription subscription(String url, boolean paused) {
        FeedSubscription s = FeedSubscription.of(url, "Feed " + url, List.of("news", "world"),
                Duration.ofMinutes(15), T0);
        return paused ? new FeedSubscription(s.schemaVersion(), s.feedId(), s.url(), s.title(), s.tags(),
                s.interval(), true, s.createdAt(), s.updatedAt()) : s;
    }

    public static FeedState state(String url, Instant lastPolledAt, int failures, Integer status, String error) {
        return new FeedState(Event.SCHEMA_VERSION, Ids.feedId(url), url, "State title", "\"etag\"", null,
                lastPolledAt, failures == 0 ? lastPolledAt : null, null,
                lastPolledAt == null ? null : lastPolledAt.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15),
                List.of(), List.of(), List.of(), failures, status, error, List.of());
    }

    public static DeadLetter deadLetter(long offset) {
        return new DeadLetter(Event.SCHEMA_VERSION, "extract", "cannot parse", "news.raw", 1, offset, "k" + offset,
                "{}", 2, T0.plusSeconds(offset));
    }
}
