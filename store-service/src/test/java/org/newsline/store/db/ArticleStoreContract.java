package org.newsline.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsline.store.db.Fixtures.FEED_ID;
import static org.newsline.store.db.Fixtures.FEED_URL;
import static org.newsline.store.db.Fixtures.T0;
import static org.newsline.store.db.Fixtures.article;
import static org.newsline.store.db.Fixtures.id;
import static org.newsline.store.db.Fixtures.rawPage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsline.events.Article;
import org.newsline.events.FeedState;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Statement;
import org.newsline.events.StatementKind;

/**
 * The behaviour every {@link ArticleStore} must have. Each database runs this suite through a subclass that
 * says how to open a fresh, empty store.
 */
abstract class ArticleStoreContract {

    private static final String TEXT = "The committee met on Tuesday to discuss photosynthesis funding and"
            + " the new harbour bridge.";

    protected ArticleStore store;

    /** A fresh, empty store for one test. */
    protected abstract ArticleStore openStore() throws Exception;

    /** Opens the same database again (as after a restart). */
    protected abstract ArticleStore reopenStore() throws Exception;

    /** The JDBC URL of the store of this test, for another process. */
    protected abstract String jdbcUrl();

    @BeforeEach
    void openFresh() throws Exception {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void redeliveryChangesNothing() {
        List<Article> batch = List.of(
                article(1, "1.0.0", TEXT, "President Trump|Donald Trump", "Angela Merkel"),
                article(2, "1.0.0", "Another story about the harbour.", "Jane Smith"));
        store.putArticles(batch);
        store.putRawPages(List.of(rawPage(1, T0, "<html>one</html>", false)));
        store.putDeadLetters(List.of(Fixtures.deadLetter(7)));
        Article before = store.article(id(1)).orElseThrow();
        List<Statement> statementsBefore = store.statements(StatementQuery.newest(500)).items();
        Stats statsBefore = store.stats();

        store.putArticles(batch);
        store.putRawPages(List.of(rawPage(1, T0, "<html>one</html>", false)));
        store.putDeadLetters(List.of(Fixtures.deadLetter(7)));

        assertThat(store.article(id(1))).contains(before);
        assertThat(store.statements(StatementQuery.newest(500)).items()).isEqualTo(statementsBefore);
        assertThat(store.stats()).isEqualTo(statsBefore);
        assertThat(statsBefore).isEqualTo(new Stats(2, 0, 3, 1, 1, 0));
    }

    @Test
    void articleRoundTripKeepsEveryField() {
        Article a = article(3, "1.0.0", TEXT, "President Trump|Donald Trump", "Angela Merkel");
        store.putArticles(List.of(a));

        assertThat(store.article(a.articleId())).contains(a);
        Article listed = store.articles(ArticleQuery.newest(10)).items().get(0);
        assertThat(listed.html()).isNull();
        assertThat(listed.statements()).isEmpty();
        assertThat(listed).usingRecursiveComparison().ignoringFields("html", "statements").isEqualTo(a);
    }

    @Test
    void newerVersionReplacesArticleAndStatementsAtomically() throws Exception {
        store.putArticles(List.of(article(1, "1.9.2", "old text about photosynthesis", "Alice Old", "Bob Old",
                "Carol Old")));
        store.putArticles(List.of(article(1, "1.10.0", "new text about the harbour", "Dave New", "Erin New")));

        Article stored = store.article(id(1)).orElseThrow();
        assertThat(stored.extractorVersion()).isEqualTo("1.10.0");
        assertThat(stored.text()).isEqualTo("new text about the harbour");
        assertThat(stored.statementCount()).isEqualTo(2);
        assertThat(stored.statements()).extracting(Statement::speaker).containsExactly("Dave New", "Erin New");
        assertThat(store.statements(StatementQuery.newest(50)).items()).hasSize(2)
                .allMatch(s -> s.extractorVersion().equals("1.10.0"));
        assertThat(store.articles(ArticleQuery.newest(10).withText("photosynthesis")).items()).isEmpty();
        assertThat(store.articles(ArticleQuery.newest(10).withText("harbour")).items()).hasSize(1);
        assertThat(store.statements(StatementQuery.newest(10).withSpeaker("Old")).items()).isEmpty();

        // a reader never sees an article with another version's statements, or with none
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reads = pool.submit(() -> {
                int n = 0;
                while (!done.get()) {
                    Article a = store.article(id(1)).orElseThrow();
                    assertThat(a.statements()).isNotEmpty().hasSize(a.statementCount())
                            .allMatch(s -> s.extractorVersion().equals(a.extractorVersion()));
                    n++;
                }
                return n;
            });
            for (int v = 11; v < 60; v++) {
                store.putArticles(List.of(article(1, "1." + v + ".0", "text " + v, "A", "B", "C")));
            }
            done.set(true);
            assertThat(reads.get()).isPositive();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void olderVersionIsIgnored() {
        store.putArticles(List.of(article(1, "1.10.0", "current text", "Dave New")));
        store.putArticles(List.of(article(1, "1.9.2", "stale text", "Alice Old", "Bob Old")));
        // and within one batch the newest wins whatever the order
        store.putArticles(List.of(article(2, "2.0.0", "two new", "X"), article(2, "1.0.0", "two old", "Y", "Z")));

        Article one = store.article(id(1)).orElseThrow();
        assertThat(one.extractorVersion()).isEqualTo("1.10.0");
        assertThat(one.text()).isEqualTo("current text");
        assertThat(one.statements()).extracting(Statement::speaker).containsExactly("Dave New");
        Article two = store.article(id(2)).orElseThrow();
        assertThat(two.extractorVersion()).isEqualTo("2.0.0");
        assertThat(two.statements()).extracting(Statement::speaker).containsExactly("X");
        assertThat(store.stats().statements()).isEqualTo(2);
    }

    @Test
    void takedownRemovesArticleStatementsAndRawPageForGood() {
        store.putArticles(List.of(article(1, "1.0.0", TEXT, "Alice", "Bob"), article(2, "1.0.0", TEXT, "Carol")));
        store.putRawPages(List.of(rawPage(1, T0, "<html>1</html>", false), rawPage(2, T0, "<html>2</html>", false)));

        assertThat(store.deleteArticle(id(1))).isTrue();

        assertThat(store.article(id(1))).isEmpty();
        assertThat(store.rawPage(id(1))).isEmpty();
        assertThat(store.statements(StatementQuery.newest(50)).items()).extracting(Statement::speaker)
                .containsExactly("Carol");
        assertThat(store.articles(ArticleQuery.newest(50).withText("photosynthesis")).items())
                .extracting(Article::articleId).containsExactly(id(2));
        assertThat(store.stats()).isEqualTo(new Stats(1, 0, 1, 1, 0, 0));
        assertThat(store.deleteArticle(id(1))).isFalse();
        assertThat(store.deleteArticle(Ids.articleId("https://nowhere.example/x"))).isFalse();

        // a redelivered or replayed record does not bring it back
        store.putArticles(List.of(article(1, "9.0.0", TEXT, "Alice")));
        store.putRawPages(List.of(rawPage(1, T0.plusSeconds(5), "<html>1 again</html>", false)));
        assertThat(store.article(id(1))).isEmpty();
        assertThat(store.rawPage(id(1))).isEmpty();
    }

    @Test
    void fullTextSearchFindsWordsInTitleDescriptionAndText() {
        store.putArticles(List.of(
                article(1, "1.0.0", "Scientists studied photosynthesis in Café Müller's garden.", "Alice"),
                article(2, "1.0.0", "The harbour bridge opened on Monday.", "Bob"),
                article(3, "1.0.0", "Photosynthesis and the harbour: a study.", "Carol")));

        Function<String, List<String>> search = q -> store.articles(ArticleQuery.newest(50).withText(q)).items()
                .stream().map(Article::articleId).toList();
        assertThat(search.apply("photosynthesis")).containsExactly(id(3), id(1));
        assertThat(search.apply("PHOTOSYNTHESIS")).containsExactly(id(3), id(1));
        assertThat(search.apply("photosynthesis harbour")).containsExactly(id(3));
        assertThat(search.apply("bridge")).containsExactly(id(2));
        assertThat(search.apply("Müller")).containsExactly(id(1));
        assertThat(search.apply("Story 2")).contains(id(2)); // title
        assertThat(search.apply("volcano")).isEmpty();
        assertThat(search.apply("  ...  ")).isEmpty();

        List<String> quotes = store.statements(StatementQuery.newest(50).withText("story 3")).items().stream()
                .map(Statement::speaker).toList();
        assertThat(quotes).containsExactly("Carol");
    }

    @Test
    void speakerFilterMatchesWholeWordsCaseInsensitivelyInSpeakerOrCanonical() {
        store.putArticles(List.of(
                article(1, "1.0.0", TEXT, "President Trump|Donald Trump", "Trumpet Player", "Ivanka"),
                article(2, "1.0.0", TEXT, "the former president|Donald Trump", "Angela Merkel|Angela Merkel")));

        Function<String, List<String>> bySpeaker = q -> store.statements(StatementQuery.newest(50).withSpeaker(q))
                .items().stream().map(Statement::speaker).toList();
        assertThat(bySpeaker.apply("trump")).containsExactlyInAnyOrder("President Trump", "the former president");
        assertThat(bySpeaker.apply("TRUMP")).hasSize(2);
        assertThat(bySpeaker.apply("Donald Trump")).hasSize(2);
        assertThat(bySpeaker.apply("president")).containsExactlyInAnyOrder("President Trump", "the former president");
        assertThat(bySpeaker.apply("rump")).isEmpty();
        assertThat(bySpeaker.apply("trumpet")).containsExactly("Trumpet Player");
        assertThat(bySpeaker.apply("merkel")).containsExactly("Angela Merkel");
        assertThat(bySpeaker.apply("Trump Donald")).isEmpty(); // words in order, within one name
        assertThat(bySpeaker.apply("trump donald")).isEmpty(); // not across speaker and speakerCanonical
        assertThat(bySpeaker.apply("Mérkel")).containsExactly("Angela Merkel");
        assertThat(bySpeaker.apply("president-trump")).containsExactly("President Trump");
    }

    @Test
    void speakersAreGroupedByNormalisedKeyWithVariants() {
        store.putArticles(List.of(
                article(1, "1.0.0", TEXT, "President Trump|Donald Trump", "Mr. Trump", "Angela Merkel"),
                article(2, "1.0.0", TEXT, "Donald J. Trump", "Chancellor Merkel", "Trump"),
                article(90, "1.0.0", T0.plus(Duration.ofDays(30)), TEXT, "Olaf Scholz")));

        List<SpeakerCount> all = store.speakers(null, null, 10);
        assertThat(all).extracting(SpeakerCount::key).containsExactly("trump", "merkel", "scholz");
        SpeakerCount trump = all.get(0);
        assertThat(trump.statements()).isEqualTo(4);
        assertThat(trump.name()).isEqualTo("Donald Trump");
        assertThat(trump.variants()).containsExactlyInAnyOrder("President Trump", "Donald Trump", "Mr. Trump",
                "Donald J. Trump", "Trump");
        assertThat(all.get(1).statements()).isEqualTo(2);

        assertThat(store.speakers(T0.plus(Duration.ofDays(1)), null, 10)).extracting(SpeakerCount::key)
                .containsExactly("scholz");
        assertThat(store.speakers(null, T0.plus(Duration.ofDays(1)), 1)).extracting(SpeakerCount::key)
                .containsExactly("trump");
    }

    @Test
    void feedsAreListedWithTheirHealth() {
        String okUrl = "https://ok.example/feed";
        String failingUrl = "https://failing.example/feed";
        String pausedUrl = "https://paused.example/feed";
        String neverUrl = "https://never.example/feed";
        store.putFeeds(List.of(FeedChange.of(Fixtures.subscription(okUrl, false)),
                FeedChange.of(Fixtures.subscription(failingUrl, false)),
                FeedChange.of(Fixtures.subscription(pausedUrl, true)),
                FeedChange.of(Fixtures.subscription(neverUrl, false)),
                FeedChange.of(Fixtures.subscription(FEED_URL, false)),
                FeedChange.tombstone(Ids.feedId(FEED_URL))));
        Instant now = Instant.now();
        store.putFeedStates(List.of(Fixtures.state(okUrl, now.minusSeconds(60), 0, 200, null),
                Fixtures.state(failingUrl, now.minusSeconds(60), 3, 503, "HTTP 503 from failing.example"),
                Fixtures.state(pausedUrl, now.minusSeconds(3600), 0, 304, null)));
        Article recent = article(1, "1.0.0", now.minusSeconds(7200), TEXT);
        Article old = article(2, "1.0.0", now.minus(Duration.ofDays(3)), TEXT);
        store.putArticles(List.of(withFeed(recent, Ids.feedId(okUrl)), withFeed(old, Ids.feedId(okUrl))));

        List<FeedView> feeds = store.feeds();
        assertThat(feeds).extracting(FeedView::url).containsExactly(failingUrl, neverUrl, okUrl, pausedUrl);
        FeedView failing = feeds.get(0);
        assertThat(failing.health()).isEqualTo("failing");
        assertThat(failing.consecutiveFailures()).isEqualTo(3);
        assertThat(failing.lastStatus()).isEqualTo(503);
        assertThat(failing.lastError()).contains("503");
        assertThat(failing.tags()).containsExactly("news", "world");
        assertThat(failing.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(feeds.get(1).health()).isEqualTo("pending");
        assertThat(feeds.get(1).lastPolledAt()).isNull();
        FeedView ok = feeds.get(2);
        assertThat(ok.health()).isEqualTo("ok");
        assertThat(ok.newItemsLastDay()).isEqualTo(1);
        assertThat(ok.nextPollAt()).isAfter(ok.lastPolledAt());
        assertThat(feeds.get(3).health()).isEqualTo("paused");
        assertThat(store.stats().feeds()).isEqualTo(4);

        // the same changes again: nothing changes
        store.putFeeds(List.of(FeedChange.of(Fixtures.subscription(FEED_URL, false)),
                FeedChange.tombstone(Ids.feedId(FEED_URL))));
        assertThat(store.feeds()).isEqualTo(feeds);
    }

    @Test
    void rawArchiveRoundTripsAndSkipsReplays() {
        String body = "<html><body><p>Ünïcödé — “quotes” 🙂</p>" + "x".repeat(100_000) + "</body></html>";
        RawPage page = rawPage(1, T0, body, false);
        store.putRawPages(List.of(page, rawPage(2, T0.plusSeconds(1), "<html>replayed</html>", true)));

        RawPage back = store.rawPage(id(1)).orElseThrow();
        assertThat(back).isEqualTo(page);
        assertThat(store.rawPage(id(2))).isEmpty();
        // the same page as UTF-8 bytes, as replays read it, and its length in String characters
        RawPageUtf8 bytes = store.rawPagesUtf8(List.of(id(1))).get(0);
        assertThat(bytes.body()).isEqualTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bytes.toRawPage()).isEqualTo(page);
        assertThat(store.rawPages(RawQuery.newest(10)).items().get(0).bodyChars()).isEqualTo(body.length());

        // a replay of an archived page does not overwrite it, nor does an older fetch arriving late
        store.putRawPages(List.of(rawPage(1, T0.plusSeconds(60), "<html>changed</html>", true),
                rawPage(1, T0.minusSeconds(60), "<html>older</html>", false)));
        assertThat(store.rawPage(id(1)).orElseThrow().body()).isEqualTo(body);
        // a later fetch does
        store.putRawPages(List.of(rawPage(1, T0.plusSeconds(120), "<html>refetched</html>", false)));
        assertThat(store.rawPage(id(1)).orElseThrow().body()).isEqualTo("<html>refetched</html>");

        store.putRawPages(List.of(rawPage(3, T0.plusSeconds(300), "<html>3</html>", false)));
        RawPageSummary summary = store.rawPages(RawQuery.newest(10)).items().get(0);
        assertThat(summary.articleId()).isEqualTo(id(3));
        assertThat(summary.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(summary.bodyChars()).isEqualTo("<html>3</html>".length());
        assertThat(store.rawPages(RawQuery.newest(10).withUrlPrefix(Fixtures.url(3))).items())
                .extracting(RawPageSummary::articleId).containsExactly(id(3));
        assertThat(store.rawPages(RawQuery.newest(10).withUrlPrefix("https://news.example.org/2026/")).items())
                .hasSize(2);
        assertThat(store.rawPages(RawQuery.newest(10).withUrlPrefix("HTTPS://NEWS")).items()).isEmpty();
        assertThat(store.rawPages(RawQuery.newest(10).withTime(T0.plusSeconds(200), null)).items()).hasSize(1);
        assertThat(store.rawPages(RawQuery.newest(10).withFeed(FEED_ID)).items()).hasSize(2);
        assertThat(store.rawPages(RawQuery.newest(10).withFeed("nope")).items()).isEmpty();

        assertThat(store.deleteRawPagesFetchedBefore(T0.plusSeconds(200))).isEqualTo(1);
        assertThat(store.stats().rawPages()).isEqualTo(1);
    }

    @Test
    void statsAreExact() {
        assertThat(store.stats()).isEqualTo(new Stats(0, 0, 0, 0, 0, 0));
        List<Article> articles = new ArrayList<>();
        for (int n = 0; n < 25; n++) {
            articles.add(article(n, "1.0.0", TEXT, "A", "B", "C"));
        }
        Article notAnArticle = withIsArticle(article(99, "1.0.0", "Index page", new String[0]), false);
        articles.add(notAnArticle);
        store.putArticles(articles);
        store.putRawPages(List.of(rawPage(1, T0, "a", false), rawPage(2, T0, "b", false),
                rawPage(3, T0, "c", true)));
        store.putDeadLetters(List.of(Fixtures.deadLetter(1), Fixtures.deadLetter(2), Fixtures.deadLetter(1)));
        store.putFeeds(List.of(FeedChange.of(Fixtures.subscription(FEED_URL, false))));

        assertThat(store.stats()).isEqualTo(new Stats(25, 1, 75, 2, 2, 1));
        assertThat(store.deadLetters(null, 10)).extracting(d -> d.offset()).containsExactly(2L, 1L);
        assertThat(store.articles(ArticleQuery.newest(500)).items()).hasSize(25);
        assertThat(store.articles(ArticleQuery.newest(500).withIsArticle(null)).items()).hasSize(26);
        assertThat(store.articles(ArticleQuery.newest(500).withIsArticle(false)).items())
                .extracting(Article::articleId).containsExactly(id(99));
    }

    @Test
    void rawPagesByIdsComeWithTheirBodiesInOneCall() {
        store.putRawPages(List.of(rawPage(1, T0, "<html>1</html>", false), rawPage(2, T0, "<html>2</html>", false),
                rawPage(3, T0, "<html>3</html>", false)));
        List<RawPage> found = store.rawPages(List.of(id(3), id(1), id(99)));
        assertThat(found).extracting(RawPage::articleId).containsExactlyInAnyOrder(id(1), id(3));
        assertThat(found).extracting(RawPage::body).containsExactlyInAnyOrder("<html>1</html>", "<html>3</html>");
        assertThat(found).extracting(RawPage::replay).containsOnly(false);
        assertThat(store.rawPages(List.of())).isEmpty();
    }

    @Test
    void deadLettersPageByStageCompletelyAndWithoutDuplicates() {
        List<org.newsline.events.DeadLetter> letters = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            letters.add(Fixtures.deadLetter(n));
        }
        org.newsline.events.DeadLetter other = Fixtures.deadLetter(100);
        letters.add(new org.newsline.events.DeadLetter(other.schemaVersion(), "store", other.error(),
                other.sourceTopic(), other.partition(), other.offset(), other.key(), other.payload(),
                other.payloadBytes(), other.at()));
        store.putDeadLetters(letters);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<org.newsline.events.DeadLetter> page = store.deadLetters("extract", T0.plusSeconds(2), 2, cursor);
            page.items().forEach(d -> seen.add(d.offset()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactly(6L, 5L, 4L, 3L, 2L);
        assertThat(store.deadLetters(null, null, 500, null).items()).hasSize(8);
        assertThat(store.deadLetters("store", null, 500, null).items()).extracting(d -> d.offset())
                .containsExactly(100L);
    }

    @Test
    void paginationWithCursorIsCompleteWithoutDuplicates() {
        List<Article> articles = new ArrayList<>();
        for (int n = 0; n < 137; n++) {
            // many share one time, so the id breaks ties
            Instant published = T0.plus(Duration.ofMinutes(n / 10));
            articles.add(article(n, "1.0.0", published, TEXT, "Speaker " + n, "Other " + n));
        }
        store.putArticles(articles);
        List<RawPage> pages = new ArrayList<>();
        for (int n = 0; n < 137; n++) {
            pages.add(rawPage(n, T0.plus(Duration.ofMinutes(n / 7)), "<p>" + n + "</p>", false));
        }
        store.putRawPages(pages);

        List<Article> seen = drain(c -> store.articles(ArticleQuery.newest(10).withCursor(c)));
        assertThat(seen).hasSize(137);
        assertThat(seen.stream().map(Article::articleId).distinct().count()).isEqualTo(137);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).publishedAt()).isBeforeOrEqualTo(seen.get(i - 1).publishedAt());
        }
        List<Statement> statements = drain(c -> store.statements(StatementQuery.newest(9).withCursor(c)));
        assertThat(statements).hasSize(274);
        assertThat(statements.stream().map(Statement::statementId).distinct().count()).isEqualTo(274);
        List<RawPageSummary> raw = drain(c -> store.rawPages(RawQuery.newest(11).withCursor(c)));
        assertThat(raw.stream().map(RawPageSummary::articleId).distinct().count()).isEqualTo(137);

        // filters hold on every page
        List<Article> late = drain(c -> store.articles(ArticleQuery.newest(4)
                .withTime(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(8))).withCursor(c)));
        assertThat(late).hasSize(30);

        // a cursor of one listing is refused by another
        String articleCursor = store.articles(ArticleQuery.newest(1)).nextCursor();
        assertThat(articleCursor).isNotNull();
        assertThatThrownBy(() -> StatementQuery.newest(5).withCursor(articleCursor))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> ArticleQuery.newest(5).withCursor("not-a-cursor!"))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void filtersByFeedLanguageAuthorAndTime() {
        Article a1 = article(1, "1.0.0", TEXT);
        Article a2 = withFeed(article(2, "1.0.0", TEXT), "otherfeed");
        store.putArticles(List.of(a1, a2));
        Function<ArticleQuery, List<String>> ids = q -> store.articles(q).items().stream()
                .map(Article::articleId).toList();

        assertThat(ids.apply(ArticleQuery.newest(10).withFeed(FEED_ID))).containsExactly(id(1));
        assertThat(ids.apply(ArticleQuery.newest(10).withLanguage("en"))).hasSize(2);
        assertThat(ids.apply(ArticleQuery.newest(10).withLanguage("EN-gb"))).hasSize(2);
        assertThat(ids.apply(ArticleQuery.newest(10).withLanguage("de"))).isEmpty();
        assertThat(ids.apply(ArticleQuery.newest(10).withAuthor("jane"))).hasSize(2);
        assertThat(ids.apply(ArticleQuery.newest(10).withAuthor("John Roe"))).hasSize(2);
        assertThat(ids.apply(ArticleQuery.newest(10).withAuthor("Jan"))).isEmpty();
        assertThat(ids.apply(ArticleQuery.newest(10).withTime(T0.plus(Duration.ofMinutes(2)), null)))
                .containsExactly(id(2));
        assertThat(ids.apply(ArticleQuery.newest(10).withTime(null, T0.plus(Duration.ofMinutes(2)))))
                .containsExactly(id(1));
        assertThat(store.statements(StatementQuery.newest(10).withKind(StatementKind.DIRECT)).items()).isEmpty();
    }

    @Test
    void sqlInjectionAttemptsInParametersAreHarmless() {
        store.putArticles(List.of(article(1, "1.0.0", TEXT, "Alice"), article(2, "1.0.0", TEXT, "Bob")));
        Stats before = store.stats();
        List<String> attacks = List.of("'; DROP TABLE articles; --", "x' OR '1'='1", "\" OR \"\"=\"", "%", "_",
                "\\", "1; DELETE FROM statements", "title:foo OR NEAR(a b)", "*", "\u0000", "') OR ('a'='a",
                "a\" OR \"1", "NOT", "AND OR NOT", "!@#$%^&*()");
        for (String attack : attacks) {
            assertThat(store.articles(ArticleQuery.newest(10).withText(attack)).items()).as(attack).isEmpty();
            assertThat(store.articles(ArticleQuery.newest(10).withFeed(attack)).items()).as(attack).isEmpty();
            assertThat(store.articles(ArticleQuery.newest(10).withAuthor(attack)).items()).as(attack).isEmpty();
            assertThat(store.articles(ArticleQuery.newest(10).withLanguage(attack)).items()).as(attack).isEmpty();
            assertThat(store.statements(StatementQuery.newest(10).withSpeaker(attack)).items()).as(attack).isEmpty();
            assertThat(store.statements(StatementQuery.newest(10).withText(attack)).items()).as(attack).isEmpty();
            assertThat(store.rawPages(RawQuery.newest(10).withUrlPrefix(attack)).items()).as(attack).isEmpty();
            assertThat(store.article(attack)).isEmpty();
            assertThat(store.rawPage(attack)).isEmpty();
            assertThat(store.deleteArticle(attack)).isFalse();
        }
        assertThat(store.stats()).isEqualTo(before);
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        store.putArticles(List.of(article(1, "1.0.0", TEXT, "Alice")));
        store.close();
        store = reopenStore();
        assertThat(store.article(id(1))).isPresent();
        assertThat(store.articles(ArticleQuery.newest(10).withText("photosynthesis")).items()).hasSize(1);
    }

    @Test
    void killDashNineMidWriteLeavesEveryArticleWhole() throws Exception {
        store.close();
        store = null;
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillableWriter.class.getName(), jdbcUrl())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch batches = new CountDownLatch(3);
        Thread drainer = new Thread(() -> {
            // keep reading, so the writer never blocks on a full pipe instead of writing
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("wrote")) {
                        batches.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the process died: what this test is about
            }
        });
        drainer.setDaemon(true);
        drainer.start();
        try {
            // let it commit a few batches, then kill it in the middle of the next ones
            assertThat(batches.await(60, TimeUnit.SECONDS)).as("the writer process wrote 3 batches").isTrue();
            Thread.sleep(30 + (long) (Math.random() * 50));
            writer.destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }

        store = reopenStore();
        List<Article> articles = drain(c -> store.articles(ArticleQuery.newest(50).withCursor(c)));
        assertThat(articles).hasSize(100);
        Set<String> versions = new HashSet<>();
        for (Article listed : articles) {
            Article a = store.article(listed.articleId()).orElseThrow();
            versions.add(a.extractorVersion());
            assertThat(a.statements()).as(a.articleId()).hasSize(a.statementCount()).isNotEmpty()
                    .allMatch(s -> s.extractorVersion().equals(a.extractorVersion()));
        }
        // a batch may have committed in parts (PostgreSQL splits large ones), never an article in parts
        assertThat(versions).hasSizeBetween(1, 2);
        assertThat(store.stats().statements()).isEqualTo(articles.stream()
                .mapToLong(a -> store.article(a.articleId()).orElseThrow().statementCount()).sum());
        // and the restarted consumer's redelivery of a batch is harmless
        store.putArticles(List.of(article(1, "0.1", TEXT, "Old")));
        assertThat(store.article(id(1)).orElseThrow().statements()).noneMatch(s -> s.speaker().equals("Old"));
    }

    @Test
    void feedStateOfAnUnknownFeedIsKeptButNotListed() {
        FeedState orphan = Fixtures.state("https://gone.example/feed", Instant.now(), 0, 200, null);
        store.putFeedStates(List.of(orphan, orphan));
        assertThat(store.feeds()).isEmpty();
    }

    private static <T> List<T> drain(Function<String, Page<T>> pageAfter) {
        List<T> all = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Page<T> page = pageAfter.apply(cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            assertThat(cursor == null || cursors.add(cursor)).as("cursor repeats").isTrue();
        } while (cursor != null);
        return all;
    }

    static Article withFeed(Article a, String feedId) {
        return new Article(a.schemaVersion(), a.articleId(), a.url(), a.canonicalUrl(), feedId, a.fetchedAt(),
                a.extractedAt(), a.extractorVersion(), a.isArticle(), a.title(), a.authors(), a.publishedAt(),
                a.modifiedAt(), a.language(), a.siteName(), a.description(), a.image(), a.section(), a.tags(),
                a.text(), a.html(), a.wordCount(), a.contentHash(), a.statementCount(), a.statements());
    }

    static Article withIsArticle(Article a, boolean isArticle) {
        return new Article(a.schemaVersion(), a.articleId(), a.url(), a.canonicalUrl(), a.feedId(), a.fetchedAt(),
                a.extractedAt(), a.extractorVersion(), isArticle, a.title(), a.authors(), a.publishedAt(),
                a.modifiedAt(), a.language(), a.siteName(), a.description(), a.image(), a.section(), a.tags(),
                a.text(), a.html(), a.wordCount(), a.contentHash(), a.statementCount(), a.statements());
    }
}
