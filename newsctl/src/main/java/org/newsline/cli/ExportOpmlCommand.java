package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.cli.opml.OpmlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsctl export-opml}: every subscription as OPML 2.0 on stdout, for another reader or a backup. */
@Command(name = "export-opml", mixinStandardHelpOptions = true,
        description = "Print every subscription as OPML 2.0 (tags as categories).")
final class ExportOpmlCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() throws Exception {
        // read before writing anything, so an unreachable API prints an error and no half document
        JsonNode body = api.client().get("/api/feeds", Map.of());
        JsonNode items = body.has("items") ? body.get("items") : body;
        PrintStream out = Stdout.utf8();
        try (OpmlWriter opml = new OpmlWriter(out, "Newsline subscriptions", ZonedDateTime.now(ZoneOffset.UTC))) {
            for (JsonNode f : items) {
                List<String> tags = new ArrayList<>();
                f.path("tags").forEach(t -> tags.add(t.asText()));
                opml.feed(f.path("url").asText(), f.path("title").isTextual() ? f.get("title").asText() : null, tags);
            }
        }
        out.flush();
        return 0;
    }
}
