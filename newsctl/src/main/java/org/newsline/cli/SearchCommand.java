package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsctl search TEXT}: full-text search of the archive, newest first; with {@code --speaker} it
 * searches statements instead of articles.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search stored articles (or, with --speaker, statements), newest first.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TEXT", arity = "0..1",
            description = "Words to search for (full text); may be left out with --speaker.")
    String text;

    @Mixin
    ArchiveFilters filters;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N results (default: ${DEFAULT-VALUE}).")
    long limit;

    @Option(names = "--json", description = "One JSON object per line, as the API returns it, instead of a table.")
    boolean json;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        if ((text == null || text.isBlank()) && filters.speaker == null) {
            throw new IllegalArgumentException("give TEXT to search for, or --speaker NAME");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be a positive number, got " + limit);
        }
        boolean statements = filters.speaker != null;
        String path = statements ? "/api/statements" : "/api/articles";
        Map<String, String> query = statements ? filters.statementQuery(text, null)
                : filters.articleQuery(text, null, null);
        ApiClient client = api.client();
        PrintStream out = Stdout.utf8();
        List<String[]> rows = new ArrayList<>();
        rows.add(statements ? new String[] {"PUBLISHED", "SPEAKER", "KIND", "QUOTE"}
                : new String[] {"PUBLISHED", "TITLE", "URL"});
        long found = client.forEachItem(path, query, limit, item -> {
            if (json) {
                out.println(item.toString());
                out.flush();
            } else {
                rows.add(statements ? statementRow(item) : articleRow(item));
            }
        });
        if (found == 0) {
            System.err.println("no " + (statements ? "statements" : "articles") + " match");
            return 0;
        }
        if (!json) {
            if (statements) {
                Table.print(rows, out, 16, 28, 8, 90);
            } else {
                Table.print(rows, out, 16, 64, 72);
            }
        }
        out.flush();
        return 0;
    }

    private static String[] articleRow(JsonNode a) {
        String when = Cells.text(a, "publishedAt").isEmpty() ? Cells.minute(a, "fetchedAt") : Cells.minute(a, "publishedAt");
        return new String[] {when, Cells.text(a, "title"), Cells.text(a, "url")};
    }

    private static String[] statementRow(JsonNode s) {
        String speaker = Cells.text(s, "speaker");
        return new String[] {Cells.minute(s, "publishedAt"), speaker.isEmpty() ? "-" : speaker,
                Cells.text(s, "kind"), Cells.text(s, "quote")};
    }
}
