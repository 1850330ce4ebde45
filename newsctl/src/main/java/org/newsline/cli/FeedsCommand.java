package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsctl feeds}: every subscription and its health, as a table. */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "List subscriptions and their health.")
final class FeedsCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Option(names = "--json", description = "One JSON object per feed instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        JsonNode body = api.client().get("/api/feeds", Map.of());
        JsonNode items = body.has("items") ? body.get("items") : body;
        java.io.PrintStream out = Stdout.utf8();
        if (json) {
            items.forEach(i -> out.println(i.toString()));
            out.flush();
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FEED", "TITLE", "LAST POLL", "STATUS", "NEW 24H", "NEXT POLL", "FAILURES",
                "LAST ERROR"});
        for (JsonNode f : items) {
            rows.add(new String[] {f.path("feedId").asText(), text(f, "title"), Cells.second(f, "lastPolledAt"),
                    text(f, "lastStatus"), text(f, "newItemsLastDay"), Cells.second(f, "nextPollAt"),
                    text(f, "consecutiveFailures"), text(f, "lastError")});
        }
        Table.print(rows, out, 32, 40, 19, 6, 7, 19, 8, 60);
        return 0;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "-" : v.asText();
    }
}
