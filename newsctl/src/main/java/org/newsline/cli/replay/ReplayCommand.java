package org.newsline.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.cli.ApiClient;
import org.newsline.cli.ApiOptions;
import org.newsline.cli.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsctl replay raw|articles|statements|dead-letter}: starts a replay in the store (which reads its
 * archive and publishes; {@code POST /api/replays}) and follows it until every selected record is published.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-publish the archive: raw pages for re-extraction, articles, statements, dead letters.",
        subcommands = {ReplayCommand.Raw.class, ReplayCommand.Articles.class, ReplayCommand.Statements.class,
                ReplayCommand.DeadLetters.class, ReplayBenchCommand.class})
public final class ReplayCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "say what to replay: raw, articles, statements or dead-letter");
    }

    /** Options every replay takes. */
    static class Common {
        @Option(names = "--since", paramLabel = "TIME", description = "From this time on (ISO-8601, a date, 2h-ago).")
        String since;

        @Option(names = "--until", paramLabel = "TIME", description = "Before this time (default: when it starts).")
        String until;

        @Option(names = "--rate", paramLabel = "N/s", description = "At most N records per second (default: no limit).")
        String rate;

        @Option(names = "--resume", paramLabel = "JOB_ID",
                description = "Resume a stopped replay after its last committed chunk (other filters are ignored).")
        String resume;

        @Option(names = "--detach", description = "Start it and print its id; follow with GET /api/replays/ID.")
        boolean detach;

        @Mixin
        ApiOptions api;

        /** The store publishes replays itself with its own Kafka settings; this is for the commands that do not. */
        @Mixin
        KafkaOptions kafka;

        Map<String, Object> body(String kind) {
            Map<String, Object> b = new LinkedHashMap<>();
            Instant now = Instant.now();
            b.put("kind", kind);
            putIf(b, "since", TimeArg.parse("--since", since, now));
            putIf(b, "until", TimeArg.parse("--until", until, now));
            if (rate != null) {
                b.put("rate", TimeArg.rate(rate));
            }
            return b;
        }

        int run(Map<String, Object> body, String command) throws InterruptedException {
            ApiClient client = api.client();
            JsonNode started = client.post("/api/replays", resume != null ? Map.of("resume", resume) : body);
            PrintStream out = System.out;
            if (detach) {
                out.println(started.get("id").asText());
                return 0;
            }
            ReplayFollower follower = new ReplayFollower(client, out, System.err, Progress.onTerminal());
            if (ReplayFollower.finished(started)) {
                return follower.summarize(started, command);
            }
            return follower.follow(started, command);
        }

        static void putIf(Map<String, Object> b, String key, Object value) {
            if (value != null) {
                b.put(key, value.toString());
            }
        }
    }

    @Command(name = "raw", mixinStandardHelpOptions = true,
            description = "Re-publish archived raw pages to news.raw (marked as replays): extract runs again with "
                    + "its current version and the store replaces older versions. Live pages keep priority.")
    static final class Raw implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--feed", paramLabel = "FEED_ID", description = "Only pages of this feed (repeatable).")
        List<String> feeds;

        @Option(names = "--url-prefix", paramLabel = "P", description = "Only pages whose URL starts with P.")
        String urlPrefix;

        @Option(names = "--max-lag", paramLabel = "N",
                description = "Wait while extract has more than N records of news.raw to read (0: never wait;"
                        + " default 30): live pages wait behind at most N + one chunk of replayed ones.")
        Integer maxLag;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = common.body("raw");
            if (feeds != null) {
                body.put("feeds", feeds);
            }
            Common.putIf(body, "urlPrefix", urlPrefix);
            if (maxLag != null) {
                body.put("maxLag", maxLag);
            }
            return common.run(body, "newsctl replay raw");
        }
    }

    @Command(name = "articles", mixinStandardHelpOptions = true,
            description = "Re-publish stored articles (with their statements) to news.articles or --to-topic.")
    static final class Articles implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--feed", paramLabel = "FEED_ID", description = "Only articles of this feed (repeatable).")
        List<String> feeds;

        @Option(names = "--to-topic", paramLabel = "NAME", description = "Publish here instead of news.articles.")
        String toTopic;

        @Override
        public Integer call() throws Exception {
            return common.run(withFeedsAndTopic(common.body("articles"), feeds, toTopic), "newsctl replay articles");
        }
    }

    @Command(name = "statements", mixinStandardHelpOptions = true,
            description = "Re-publish stored statements, in text order per article, to news.statements or --to-topic.")
    static final class Statements implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--feed", paramLabel = "FEED_ID", description = "Only statements of this feed (repeatable).")
        List<String> feeds;

        @Option(names = "--to-topic", paramLabel = "NAME", description = "Publish here instead of news.statements.")
        String toTopic;

        @Override
        public Integer call() throws Exception {
            return common.run(withFeedsAndTopic(common.body("statements"), feeds, toTopic),
                    "newsctl replay statements");
        }
    }

    @Command(name = "dead-letter", mixinStandardHelpOptions = true,
            description = "Send dead letters back to the topic they came from, with their keys, once the cause is fixed.")
    static final class DeadLetters implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--stage", paramLabel = "S", description = "Only dead letters of this stage (extract, store, ...).")
        String stage;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = common.body("dead-letter");
            Common.putIf(body, "stage", stage);
            return common.run(body, "newsctl replay dead-letter");
        }
    }

    private static Map<String, Object> withFeedsAndTopic(Map<String, Object> body, List<String> feeds, String toTopic) {
        if (feeds != null) {
            body.put("feeds", feeds);
        }
        Common.putIf(body, "toTopic", toTopic);
        return body;
    }
}
