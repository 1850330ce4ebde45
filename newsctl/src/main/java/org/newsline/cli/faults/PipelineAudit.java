package org.newsline.cli.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.newsline.events.Article;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.FetchRequest;
import org.newsline.events.Ids;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * The exact check after a run: every item meant to succeed is one row in the store and one record on
 * {@code news.articles} (read committed), its statements are neither doubled nor missing in either place, and
 * {@code news.dead-letter} holds one letter for each item meant to fail and nothing else.
 */
final class PipelineAudit {

    /** What the audit found; {@link #passed()} when nothing was lost, doubled or unexpected. */
    record Result(int items, int meantToFail, int stored, int lost, int duplicated, int deadLetters,
                  int unexpected, List<String> problems) {
        boolean passed() {
            return lost == 0 && duplicated == 0 && unexpected == 0 && deadLetters == meantToFail;
        }
    }

    private final Map<String, Integer> itemOfId = new HashMap<>();
    private final Set<String> good = new HashSet<>();
    private final Set<String> bad = new HashSet<>();

    PipelineAudit(FeedSite site) {
        for (int i = 0; i < site.items(); i++) {
            String id = Ids.articleId(site.link(i));
            itemOfId.put(id, i);
            (ItemKind.of(i).meantToFail() ? bad : good).add(id);
        }
    }

    int meantToSucceed() {
        return good.size();
    }

    int meantToFail() {
        return bad.size();
    }

    /** Rows in the store's articles table that are items meant to succeed (for progress while waiting). */
    int storedNow(String jdbcUrl) throws SQLException {
        return dbArticles(jdbcUrl).keySet().stream().filter(good::contains).mapToInt(x -> 1).sum();
    }

    Result run(KafkaClients clients, String jdbcUrl) throws SQLException {
        List<String> problems = new ArrayList<>();
        int duplicated = 0;
        int unexpected = 0;

        // the store
        Map<String, Integer> dbArticles = dbArticles(jdbcUrl);
        Map<String, Integer> dbStatements = countBy(jdbcUrl, "SELECT article_id, count(*) FROM statements GROUP BY article_id");
        int stored = 0;
        Set<String> lost = new HashSet<>();
        for (String id : good) {
            if (dbArticles.containsKey(id)) {
                stored++;
            } else {
                lost.add(id);
            }
        }
        for (String id : dbArticles.keySet()) {
            if (!good.contains(id)) {
                unexpected++;
                problems.add("stored but not meant to be: " + describe(id));
            }
        }
        for (Map.Entry<String, Integer> e : dbArticles.entrySet()) {
            int rows = dbStatements.getOrDefault(e.getKey(), 0);
            if (rows > e.getValue()) {
                duplicated += rows - e.getValue();
                problems.add("store: " + rows + " statements for " + describe(e.getKey()) + ", which has " + e.getValue());
            } else if (rows < e.getValue()) {
                lost.add(e.getKey());
                problems.add("store: " + rows + " statements for " + describe(e.getKey()) + ", which has " + e.getValue());
            }
        }
        for (String id : dbStatements.keySet()) {
            if (!dbArticles.containsKey(id)) {
                unexpected++;
                problems.add("store: statements without their article " + describe(id));
            }
        }

        // news.articles and news.statements, read committed
        Map<String, Integer> articleRecords = new HashMap<>();
        Map<String, Integer> statementCountOf = new HashMap<>();
        readAll(clients, Topic.ARTICLES, (key, value) -> {
            Article a = EventCodec.decode(value, Article.class);
            articleRecords.merge(a.articleId(), 1, Integer::sum);
            statementCountOf.put(a.articleId(), a.statementCount());
        });
        for (Map.Entry<String, Integer> e : articleRecords.entrySet()) {
            if (e.getValue() > 1) {
                duplicated += e.getValue() - 1;
                problems.add("news.articles: " + e.getValue() + " records of " + describe(e.getKey()));
            }
            if (!good.contains(e.getKey())) {
                unexpected++;
                problems.add("news.articles: not meant to be there: " + describe(e.getKey()));
            }
        }
        for (String id : good) {
            if (!articleRecords.containsKey(id)) {
                lost.add(id);
                problems.add("news.articles: missing " + describe(id));
            }
        }
        Map<String, Integer> statementRecords = new HashMap<>();
        Map<String, Integer> statementsPerArticle = new HashMap<>();
        readAll(clients, Topic.STATEMENTS, (key, value) -> {
            org.newsline.events.Statement s = EventCodec.decode(value, org.newsline.events.Statement.class);
            statementRecords.merge(s.statementId(), 1, Integer::sum);
            statementsPerArticle.merge(s.articleId(), 1, Integer::sum);
        });
        for (Map.Entry<String, Integer> e : statementRecords.entrySet()) {
            if (e.getValue() > 1) {
                duplicated += e.getValue() - 1;
                problems.add("news.statements: " + e.getValue() + " records of statement " + e.getKey());
            }
        }
        for (Map.Entry<String, Integer> e : statementCountOf.entrySet()) {
            int onTopic = statementsPerArticle.getOrDefault(e.getKey(), 0);
            if (onTopic < e.getValue()) {
                lost.add(e.getKey());
                problems.add("news.statements: " + onTopic + " of " + e.getValue() + " statements of " + describe(e.getKey()));
            }
        }

        // news.raw: one page per article
        Map<String, Integer> rawRecords = new HashMap<>();
        readAll(clients, Topic.RAW, (key, value) -> rawRecords.merge(key, 1, Integer::sum));
        for (Map.Entry<String, Integer> e : rawRecords.entrySet()) {
            if (e.getValue() > 1) {
                duplicated += e.getValue() - 1;
                problems.add("news.raw: " + e.getValue() + " pages of " + describe(e.getKey()));
            }
        }

        // news.dead-letter: exactly the items meant to fail, once each
        Map<String, Integer> letters = new HashMap<>();
        List<String> otherLetters = new ArrayList<>();
        readAll(clients, Topic.DEAD_LETTER, (key, value) -> {
            DeadLetter d = EventCodec.decode(value, DeadLetter.class);
            String id = null;
            if (d.sourceTopic().equals(Topic.FETCH.name("")) && d.payload() != null) {
                try {
                    id = EventCodec.decode(d.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            FetchRequest.class).articleId();
                } catch (RuntimeException e) {
                    id = null;
                }
            }
            if (id != null && bad.contains(id)) {
                letters.merge(id, 1, Integer::sum);
            } else {
                otherLetters.add(d.stage() + " from " + d.sourceTopic() + ": " + d.error());
            }
        });
        for (Map.Entry<String, Integer> e : letters.entrySet()) {
            if (e.getValue() > 1) {
                duplicated += e.getValue() - 1;
                problems.add("news.dead-letter: " + e.getValue() + " letters for " + describe(e.getKey()));
            }
        }
        for (String id : bad) {
            if (!letters.containsKey(id)) {
                problems.add("news.dead-letter: no letter for " + describe(id));
            }
        }
        unexpected += otherLetters.size();
        otherLetters.stream().limit(20).forEach(l -> problems.add("unexpected dead letter: " + l));
        int dbLetters = countRows(jdbcUrl, "SELECT count(*) FROM dead_letters");
        int topicLetters = letters.values().stream().mapToInt(Integer::intValue).sum() + otherLetters.size();
        if (dbLetters != topicLetters) {
            problems.add("store: " + dbLetters + " dead letters, the topic has " + topicLetters);
            unexpected++;
        }
        lost.stream().limit(20).forEach(id -> problems.add("lost: " + describe(id)));
        return new Result(good.size(), bad.size(), stored, lost.size(), duplicated, letters.size(), unexpected,
                problems);
    }

    private String describe(String id) {
        Integer item = itemOfId.get(id);
        return item == null ? id : "item " + item + " (" + ItemKind.of(item).name().toLowerCase() + ", " + id + ")";
    }

    private static Map<String, Integer> dbArticles(String jdbcUrl) throws SQLException {
        return countBy(jdbcUrl, "SELECT article_id, statement_count FROM articles");
    }

    private static Map<String, Integer> countBy(String jdbcUrl, String sql) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    private static int countRows(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Reads a topic from the beginning to its last stable offset, read committed. */
    private static void readAll(KafkaClients clients, Topic topic, BiConsumer<String, byte[]> each) {
        try (KafkaConsumer<String, byte[]> c = clients.consumer(null)) {
            List<TopicPartition> partitions = c.partitionsFor(topic.name(clients.config().topicPrefix()),
                    Duration.ofSeconds(30)).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in time");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    each.accept(r.key(), r.value());
                }
            }
        }
    }
}
