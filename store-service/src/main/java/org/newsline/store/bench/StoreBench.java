package org.newsline.store.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsline.events.Article;
import org.newsline.events.Event;
import org.newsline.events.Ids;
import org.newsline.events.Statement;
import org.newsline.events.StatementKind;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.ArticleQuery;
import org.newsline.store.db.StatementQuery;

/**
 * How many articles per second a store takes: synthetic but realistically sized articles (about 5 KB of
 * text, the same again as HTML, five statements each) written in consumer-sized batches, as the store
 * service writes them. Not a test; run it by hand against the database to measure.
 */
public final class StoreBench {

    /** Records per write, like one poll of the consumer. */
    public static final int BATCH = 250;

    private static final String[] WORDS = ("the government said on tuesday that its new budget would raise"
            + " spending on hospitals schools and roads while cutting taxes for small businesses critics"
            + " warned that the plan relied on optimistic growth forecasts and could widen the deficit minister"
            + " parliament election voters inflation energy prices climate harbour bridge council police court"
            + " report investigation company market shares workers union strike agreement talks officials"
            + " spokesman statement interview morning evening week month year city country region").split(" ");
    private static final String[] SPEAKERS = {"President Trump|Donald Trump", "Angela Merkel|Angela Merkel",
            "a government spokesman", "Chancellor Olaf Scholz|Olaf Scholz", "Jane Smith", "Mayor Karen Bass",
            "Prime Minister Keir Starmer|Keir Starmer", "Dr. Anthony Fauci|Anthony Fauci"};

    private StoreBench() {
    }

    /**
     * Stores {@code articles} synthetic articles into the database at {@code jdbcUrl} and prints the rate, once
     * with one writer (one consumer thread) and once with two writers on disjoint articles (two partitions
     * consumed in parallel). Articles are generated before the clock starts. Adds rows under fresh ids; use a
     * scratch database or schema.
     */
    public static void run(String jdbcUrl, int articles, PrintStream out) {
        out.printf(Locale.ROOT, "database: %s%n", jdbcUrl.replaceAll("password=[^&]*", "password=***"));
        try (ArticleStore store = ArticleStore.open(jdbcUrl)) {
            Random random = new Random(42);
            // warm-up: JIT, connection pool, statement caches
            store.putArticles(generate("warm-" + System.nanoTime(), 0, Math.min(BATCH, articles), random));
            for (int writers : new int[] {1, 2}) {
                List<List<Article>> batches = new ArrayList<>();
                String run = Long.toHexString(System.nanoTime());
                long textChars = 0;
                for (int from = 0; from < articles; from += BATCH) {
                    List<Article> batch = generate(run, from, Math.min(BATCH, articles - from), random);
                    textChars += batch.stream().mapToLong(a -> a.text().length()).sum();
                    batches.add(batch);
                }
                double seconds = timeWrites(store, batches, writers);
                out.printf(Locale.ROOT, "%d writer%s: %d articles (%.1f KB text, 5 statements each) in batches"
                        + " of %d in %.2f s = %.0f articles/s, %.0f statements/s%n", writers,
                        writers == 1 ? " " : "s", articles, textChars / 1024.0 / Math.max(1, articles), BATCH,
                        seconds, articles / seconds, articles * 5 / seconds);
            }
            long queryStart = System.nanoTime();
            int found = store.articles(ArticleQuery.newest(50).withText("harbour bridge")).items().size()
                    + store.statements(StatementQuery.newest(50).withSpeaker("trump")).items().size();
            out.printf(Locale.ROOT, "then a full-text and a speaker query: %.1f ms (%d rows)%n",
                    (System.nanoTime() - queryStart) / 1e6, found);
        }
    }

    private static double timeWrites(ArticleStore store, List<List<Article>> batches, int writers) {
        ConcurrentLinkedQueue<List<Article>> queue = new ConcurrentLinkedQueue<>(batches);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (List<Article> batch = queue.poll(); batch != null; batch = queue.poll()) {
                        store.putArticles(batch);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a write failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static List<Article> generate(String run, int from, int count, Random random) {
        List<Article> batch = new ArrayList<>(count);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int n = from; n < from + count; n++) {
            String url = "https://bench.example/" + run + "/story-" + n;
            String articleId = Ids.articleId(url);
            StringBuilder text = new StringBuilder(5200);
            while (text.length() < 5000) {
                int words = 12 + random.nextInt(14);
                for (int w = 0; w < words; w++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                            .append(w == words - 1 ? ". " : " ");
                }
            }
            String body = text.toString().trim();
            Instant published = base.plus(Duration.ofSeconds(n * 37L));
            List<Statement> statements = new ArrayList<>(5);
            for (int i = 0; i < 5; i++) {
                String[] who = SPEAKERS[random.nextInt(SPEAKERS.length)].split("\\|");
                int start = i * 900;
                int end = start + 120;
                StatementKind kind = StatementKind.values()[i % 3];
                statements.add(new Statement(Event.SCHEMA_VERSION,
                        Ids.statementId(articleId, "1.0.0", start, end, kind), articleId, url, "1.0.0", i,
                        body.substring(start, end), who[0], who.length > 1 ? who[1] : null, "said", kind, start,
                        end, published));
            }
            batch.add(new Article(Event.SCHEMA_VERSION, articleId, url, url, Ids.feedId("https://bench.example/rss"),
                    published.plusSeconds(60), published.plusSeconds(61), "1.0.0", true,
                    "Story " + n + ": " + body.substring(0, 60), List.of("Jane Doe"), published, null, "en",
                    "Bench News", body.substring(0, 200), null, "news", List.of("bench"), body,
                    "<article><p>" + body.replace(". ", ".</p><p>") + "</p></article>", body.split(" ").length,
                    Ids.contentHash(body), statements.size(), statements));
        }
        return batch;
    }

    /** {@code StoreBench JDBC_URL [ARTICLES]}: prints articles/s for that database. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: StoreBench JDBC_URL [ARTICLES (default 20000)]");
            System.exit(2);
        }
        run(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 20_000, System.out);
    }
}
