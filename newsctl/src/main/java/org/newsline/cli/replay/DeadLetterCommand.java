package org.newsline.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.cli.ApiOptions;
import org.newsline.cli.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsctl dead-letter list}: what failed, where and why (replay them with {@code newsctl replay dead-letter}). */
@Command(name = "dead-letter", mixinStandardHelpOptions = true, description = "Records a stage could not process.",
        subcommands = {DeadLetterCommand.ListLetters.class})
public final class DeadLetterCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "say what to do: list");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Dead letters newest first: time, stage, source topic/partition@offset, key, error.")
    static final class ListLetters implements Callable<Integer> {
        @Option(names = "--stage", paramLabel = "S", description = "Only this stage (extract, store, ...).")
        String stage;

        @Option(names = "--since", paramLabel = "TIME", description = "From this time on (ISO-8601, a date, 2h-ago).")
        String since;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
                description = "At most N of the newest (default ${DEFAULT-VALUE}).")
        long limit;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text: one line each; json: each dead letter as stored, one per line.")
        String format;

        @Mixin
        ApiOptions api;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() {
            Map<String, String> query = new HashMap<>();
            Instant from = TimeArg.parse("--since", since, Instant.now());
            query.put("since", from == null ? null : from.toString());
            query.put("stage", stage);
            PrintStream out = System.out;
            long shown = 0;
            String cursor = null;
            do {
                query.put("limit", Long.toString(Math.min(500, limit - shown)));
                query.put("cursor", cursor);
                JsonNode page = api.client().get("/api/dead-letters", query);
                for (JsonNode d : page.path("items")) {
                    shown++;
                    print(out, d);
                }
                cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
            } while (cursor != null && shown < limit);
            out.flush();
            System.err.println(shown + " dead letter(s)");
            return 0;
        }

        private void print(PrintStream out, JsonNode d) {
            if (format.equals("json")) {
                out.println(d.toString());
                return;
            }
            String error = d.path("error").asText().replace('\n', ' ');
            out.printf("%s  %-8s %s-%d@%d  key=%s  %s%n", d.path("at").asText(), d.path("stage").asText(),
                    d.path("sourceTopic").asText(), d.path("partition").asInt(), d.path("offset").asLong(),
                    d.path("key").asText(), error.length() > 160 ? error.substring(0, 160) + "..." : error);
        }
    }
}
