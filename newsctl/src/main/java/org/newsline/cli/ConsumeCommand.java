package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
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
 * {@code newsctl consume TOPIC}: reads a topic with {@code read_committed} from a point in time. Without
 * {@code --follow} it stops at the end offsets it saw when it started.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Read a Newsline topic (read_committed) from a point in time.")
final class ConsumeCommand implements Callable<Integer> {

    private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])-ago");

    @Parameters(paramLabel = "TOPIC", description = "news.articles, news.statements, news.raw, ... (or without 'news.')")
    String topic;

    @Option(names = "--from", paramLabel = "WHEN", defaultValue = "beginning",
            description = "beginning, end, an ISO-8601 time, or 15m-ago / 2h-ago / 7d-ago (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--follow", description = "Keep reading new records until Ctrl-C.")
    boolean follow;

    @Option(names = "--speaker", paramLabel = "NAME", description = "Only statements (or articles with statements) by NAME.")
    String speaker;

    @Option(names = "--feed", paramLabel = "FEED_ID", description = "Only records of this feed.")
    String feed;

    @Option(names = "--format", paramLabel = "json|pretty", defaultValue = "json",
            description = "json: each value exactly as on the topic; pretty: with key, partition and offset.")
    String format;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        NewslineConfig config = kafka.config(Map.of());
        KafkaClients clients = new KafkaClients(config);
        String name = resolveTopic(config.topicPrefix());
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        AtomicBoolean running = new AtomicBoolean(true);
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(null)) {
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                running.set(false);
                consumer.wakeup();
                try {
                    main.join(5000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no such topic: " + name);
            }
            consumer.assign(partitions);
            seek(consumer, partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long printed = 0;
            while (running.get()) {
                if (!follow && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    break;
                }
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                        if (!follow && r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                            continue;
                        }
                        if (!matches(r)) {
                            continue;
                        }
                        print(out, r);
                        printed++;
                        if (max != null && printed >= max) {
                            running.set(false);
                            break;
                        }
                    }
                } catch (WakeupException e) {
                    break;
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running
            }
        }
        out.flush();
        return 0;
    }

    private String resolveTopic(String prefix) {
        String t = topic.startsWith("news.") || topic.startsWith(prefix + "news.") ? topic : "news." + topic;
        return Topic.byName(t, prefix).map(x -> x.name(prefix)).orElse(t);
    }

    private void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        String f = from.toLowerCase(Locale.ROOT);
        if (f.equals("beginning")) {
            consumer.seekToBeginning(partitions);
            return;
        }
        if (f.equals("end")) {
            consumer.seekToEnd(partitions);
            return;
        }
        Instant at;
        Matcher m = AGO.matcher(f);
        if (m.matches()) {
            at = Instant.now().minus(Setting.parseDuration(m.group(1) + m.group(2)));
        } else {
            try {
                at = Instant.parse(from);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--from: expected beginning, end, an ISO-8601 time such as "
                        + "2026-11-25T08:00:00Z, or 15m-ago / 2h-ago / 7d-ago; got '" + from + "'");
            }
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, at.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp o = offsets.get(tp);
            consumer.seek(tp, o == null ? end.get(tp) : o.offset());
        }
    }

    private boolean matches(ConsumerRecord<String, byte[]> r) {
        if (speaker == null && feed == null) {
            return true;
        }
        if (r.value() == null) {
            return false;
        }
        JsonNode v;
        try {
            v = EventCodec.mapper().readTree(r.value());
        } catch (java.io.IOException e) {
            return false;
        }
        if (feed != null && !feed.equals(v.path("feedId").asText(null))) {
            return false;
        }
        if (speaker != null) {
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
        Pattern word = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(speaker) + "(?![\\p{L}\\p{N}])");
        return word.matcher(statement.path("speaker").asText("")).find()
                || word.matcher(statement.path("speakerCanonical").asText("")).find();
    }

    private void print(PrintStream out, ConsumerRecord<String, byte[]> r) {
        String value = r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8);
        if (format.equalsIgnoreCase("pretty")) {
            out.println("# " + r.topic() + " partition " + r.partition() + " offset " + r.offset() + " key " + r.key()
                    + " at " + Instant.ofEpochMilli(r.timestamp()));
            try {
                out.println(r.value() == null ? "null (tombstone)" : EventCodec.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(EventCodec.mapper().readTree(r.value())));
            } catch (java.io.IOException e) {
                out.println(value);
            }
        } else {
            out.println(value);
        }
        out.flush();
    }
}
