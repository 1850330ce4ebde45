package org.newsline.cli;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.newsline.events.Article;
import org.newsline.events.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsctl export articles|statements}: streams the archive (or the part the filters select) to stdout,
 * page by page through the API's cursor, newest first. JSON lines carry each item as the API lists it (an
 * article without its html and statements); CSV has one column per field of the topic contract.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Stream stored articles or statements as JSON lines or CSV, newest first.")
final class ExportCommand implements Callable<Integer> {

    enum What { articles, statements }

    enum Format { jsonl, csv }

    /** List items of articles leave these out (GET /api/articles/{id} has them). */
    private static final Set<String> NOT_IN_ARTICLE_LISTS = Set.of("html", "statements");

    @Parameters(paramLabel = "articles|statements", description = "What to export.")
    What what;

    @Mixin
    ArchiveFilters filters;

    @Option(names = "--q", paramLabel = "TEXT", description = "Only items matching TEXT (full text).")
    String text;

    @Option(names = "--feed", paramLabel = "FEED", description = "Articles of this feed (id or URL).")
    String feed;

    @Option(names = "--language", paramLabel = "LANG", description = "Articles in this language (en, de, ...).")
    String language;

    @Option(names = "--kind", paramLabel = "direct|indirect|mixed", description = "Statements of this kind.")
    String kind;

    @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
            description = "jsonl (one JSON object per line) or csv (RFC 4180, with a header); default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "500", hidden = true,
            description = "Items per API request (the API allows at most 500).")
    int pageSize;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        Map<String, String> query;
        if (what == What.articles) {
            refuse(filters.speaker, "--speaker", "statements");
            refuse(kind, "--kind", "statements");
            query = filters.articleQuery(text, feed, language);
        } else {
            refuse(feed, "--feed", "articles");
            refuse(language, "--language", "articles");
            query = filters.statementQuery(text, kind);
        }
        ApiClient client = api.client();
        PrintStream out = Stdout.utf8();
        List<String> columns = columns(what);
        CsvWriter csv = new CsvWriter(out);
        // the first page is read before the header is written, so a bad filter prints an error and nothing else
        boolean[] started = {false};
        if (pageSize < 1 || pageSize > ApiClient.PAGE_SIZE) {
            throw new IllegalArgumentException("--page-size must be between 1 and " + ApiClient.PAGE_SIZE);
        }
        long n = client.forEachItem("/api/" + what.name(), query, 0, pageSize, item -> {
            if (!started[0]) {
                started[0] = true;
                if (format == Format.csv) {
                    csv.row(columns);
                }
            }
            if (format == Format.csv) {
                List<String> row = new ArrayList<>(columns.size());
                columns.forEach(c -> row.add(Cells.text(item, c)));
                csv.row(row);
            } else {
                out.println(item.toString());
            }
        });
        if (!started[0] && format == Format.csv) {
            csv.row(columns);
        }
        out.flush();
        System.err.println("exported " + n + " " + what.name());
        return 0;
    }

    /** The fields of the topic contract, in its order; the CSV header. */
    static List<String> columns(What what) {
        Class<?> type = what == What.articles ? Article.class : Statement.class;
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> what != What.articles || !NOT_IN_ARTICLE_LISTS.contains(n)).toList();
    }

    private static void refuse(String value, String option, String only) {
        if (value != null) {
            throw new IllegalArgumentException(option + " applies to " + only + " only");
        }
    }
}
