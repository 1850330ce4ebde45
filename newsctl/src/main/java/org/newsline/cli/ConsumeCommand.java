package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.newsline.events.EventCodec;
import org.newsline.events.Topic;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Setting;
import org.newsline.runtime.kafka.KafkaClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsctl consume TOPIC}: reads a topic with {@code read_committed} from a point in time, without a
 * consumer group (nothing is committed, so it never disturbs the services). Without {@code --follow} it stops
 * at the end offsets it saw when it started and exits 0; Ctrl-C stops it after the record being printed.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Read a Newsline topic (read_committed) from a point in time.")
final class ConsumeCommand implements Callable<Integer> {

    enum Format { json, pretty }

    @Parameters(paramLabel = "TOPIC", description = "news.articles, news.statements, news.raw, ... (or without 'news.')")
    String topic;

    @Option(names = "--from", paramLabel = "WHEN", defaultValue = "beginning",
            description = "beginning, end, " + TimeArg.FORMS + " (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--follow", description = "Keep reading new records until Ctrl-C.")
    boolean follow;

    @Option(names = "--speaker", paramLabel = "NAME",
            description = "Only statements by NAME (on news.articles: articles with a statement by NAME).")
    String speaker;

    @Option(names = "--feed", paramLabel = "FEED", description = "Only records of this feed (id or URL).")
    String feed;

    @Option(names = "--format", paramLabel = "json|pretty", defaultValue = "json",
            description = "json: each value exactly as on the topic, one per line; pretty: indented, with key,"
                    + " partition and offset (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s", hidden = true,
            description = "How long to wait for the broker's metadata before giving up.")
    String timeout;

    @Mixin
    KafkaOptions kafka;

    private Pattern speakerWord;
    private String feedId;

    @Override
    public Integer call() throws Exception {
        if (max != null && max < 1) {
            throw new IllegalArgumentException("--max must be a positive number, got " + max);
        }
        Duration metadataTimeout = Setting.parseDuration(timeout);
        NewslineConfig config = kafka.config(Map.of());
        String name = resolveTopic(config.topicPrefix());
        Topic known = Topic.byName(name, config.topicPrefix()).orElse(null);
        checkFilters(known);
        Instant fromTime = fromTime();
        KafkaClients clients = new KafkaClients(config);
        PrintStream out = System.out;
        CountDownLatch closed = new CountDownLatch(1);
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(null)) {
            // Ctrl-C: wake the poll, then let the main thread close the consumer and flush before the JVM ends
            Thread hook = new Thread(() -> {
                consumer.wakeup();
                try {
                    closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsctl-consume-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                List<TopicPartition> partitions;
                try (QuietConnectWarnings quiet = new QuietConnectWarnings()) {
                    partitions = partitions(consumer, name, clients.bootstrapServers(), metadataTimeout);
                }
                consumer.assign(partitions);
                seek(consumer, partitions, fromTime);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                read(consumer, partitions, end, known, out);
            } catch (WakeupException e) {
                // Ctrl-C
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for us
                }
            }
        } finally {
            out.flush();
            closed.countDown();
        }
        return 0;
    }

    private void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                      Map<TopicPartition, Long> end, Topic known, PrintStream out) {
        long printed = 0;
        while (follow || partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                if (!follow && r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                    continue;
                }
                if (!matches(r, known)) {
                    continue;
                }
                print(out, r);
                if (max != null && ++printed >= max) {
                    return;
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String name,
                                                   String bootstrap, Duration timeout) {
        Map<String, List<PartitionInfo>> topics;
        try {
            // listTopics, not partitionsFor: asking for a missing topic could make the broker create it
            topics = consumer.listTopics(timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds()
                    + "s; is `newsctl up` running? Use --bootstrap-servers to point elsewhere.");
        }
        List<PartitionInfo> info = topics.get(name);
        if (info == null || info.isEmpty()) {
            throw new IllegalArgumentException("no such topic: " + name + " (topics: "
                    + String.join(", ", topics.keySet().stream().filter(t -> !t.startsWith("__")).sorted().toList()) + ")");
        }
        return info.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private String resolveTopic(String prefix) {
        String p = prefix == null ? "" : prefix;
        String t = topic.startsWith("news.") || (!p.isEmpty() && topic.startsWith(p + "news.")) ? topic : "news." + topic;
        return Topic.byName(t, p).map(x -> x.name(p)).orElse(t);
    }

    /** Filters that cannot apply to the topic's records are refused, not silently matched by nothing. */
    private void checkFilters(Topic known) {
        if (speaker != null) {
            if (known != Topic.ARTICLES && known != Topic.STATEMENTS) {
                throw new IllegalArgumentException("--speaker applies to news.articles and news.statements only");
            }
            speakerWord = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(speaker.strip()) + "(?![\\p{L}\\p{N}])");
        }
        if (feed != null) {
            if (known == Topic.STATEMENTS || known == Topic.DEAD_LETTER || known == null) {
                throw new IllegalArgumentException("--feed: records of " + topic + " carry no feedId"
                        + (known == Topic.STATEMENTS ? " (news.articles records do, with their statements)" : ""));
            }
            feedId = FeedRef.feedId(feed.strip());
        }
    }

    /** Null for beginning or end; checked before connecting, so a typo fails at once. */
    private Instant fromTime() {
        String f = from.strip().toLowerCase(Locale.ROOT);
        if (f.equals("beginning") || f.equals("end")) {
            return null;
        }
        try {
            return TimeArg.parse("--from", from, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--from: expected beginning, end, " + TimeArg.FORMS + ", got '" + from + "'");
        }
    }

    private void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant at) {
        if (at == null) {
            if (from.strip().equalsIgnoreCase("end")) {
                consumer.seekToEnd(partitions);
            } else {
                consumer.seekToBeginning(partitions);
            }
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, at.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            // no record at or after the time: start at the end
            OffsetAndTimestamp o = offsets.get(tp);
            consumer.seek(tp, o == null ? end.get(tp) : o.offset());
        }
    }

    private boolean matches(ConsumerRecord<String, byte[]> r, Topic known) {
        if (speakerWord == null && feedId == null) {
            return true;
        }
        if (r.value() == null) {
            return false;
        }
        if (feedId != null && (known == Topic.FEEDS || known == Topic.FEED_STATE)) {
            // keyed by feedId
            if (!feedId.equals(r.key())) {
                return false;
            }
            if (speakerWord == null) {
                return true;
            }
        }
        JsonNode v;
        try {
            v = EventCodec.mapper().readTree(r.value());
        } catch (IOException e) {
            return false;
        }
        if (feedId != null && known != Topic.FEEDS && known != Topic.FEED_STATE
                && !feedId.equals(v.path("feedId").asText(null))) {
            return false;
        }
        if (speakerWord != null) {
            if (v.has("statements")) {
                for (JsonNode s : v.get("statements")) {
                    if (speakerMatches(s)) {
                        return true;
                    }
                }
                return false;
            }
            return speakerMatches(v);
        }
        return true;
    }

    private boolean speakerMatches(JsonNode statement) {
        return speakerWord.matcher(statement.path("speaker").asText("")).find()
                || speakerWord.matcher(statement.path("speakerCanonical").asText("")).find();
    }

    private void print(PrintStream out, ConsumerRecord<String, byte[]> r) {
        if (format == Format.pretty) {
            StringBuilder s = new StringBuilder("# ").append(r.topic()).append(" partition ").append(r.partition())
                    .append(" offset ").append(r.offset()).append(" key ").append(r.key())
                    .append(" at ").append(Instant.ofEpochMilli(r.timestamp())).append('\n');
            try {
                s.append(r.value() == null ? "null (tombstone)" : EventCodec.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(EventCodec.mapper().readTree(r.value())));
            } catch (IOException e) {
                s.append(new String(r.value(), StandardCharsets.UTF_8));
            }
            byte[] bytes = s.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        } else {
            // the value's own bytes: exactly what is on the topic
            byte[] value = r.value() == null ? "null".getBytes(StandardCharsets.UTF_8) : r.value();
            out.write(value, 0, value.length);
            out.write('\n');
        }
        out.flush();
    }
}
