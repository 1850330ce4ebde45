package org.newsline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.newsline.events.Event;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.extract.Extractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsctl extract FILE...}: the extraction of the service on local HTML files, one JSON object per line
 * per file, in input order; files are processed in parallel.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract article text, metadata and statements from .html or .html.gz files.")
final class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Option(names = "--url", paramLabel = "URL", description = "The URL the page was found at.")
    String url;

    @Option(names = "--explain", description = "Also print which stage decided what (field 'explanation').")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        Extractor extractor = new Extractor();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        PrintStream out = Stdout.utf8();
        int failures = 0;
        int window = threads * 4; // files in flight: enough to keep every thread busy, few enough to bound memory
        List<Future<String>> results = new ArrayList<>(files.size());
        try {
            int submitted = 0;
            for (int i = 0; i < files.size(); i++) {
                while (submitted < files.size() && submitted < i + window) {
                    Path file = files.get(submitted++);
                    results.add(pool.submit(() -> extractOne(extractor, file)));
                }
                try {
                    out.println(results.set(i, null).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failures++;
                    System.err.println("newsctl: cannot read " + files.get(i) + ": " + e.getCause().getMessage());
                }
            }
        } finally {
            pool.shutdownNow();
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private String extractOne(Extractor extractor, Path file) throws IOException {
        String html = read(file);
        String articleId = url != null ? Ids.articleId(url) : null;
        RawPage page = new RawPage(Event.SCHEMA_VERSION, articleId, url, url, null, null, null, 200, Map.of(), "UTF-8",
                html, false);
        Extractor.Explained explained = extractor.extractExplained(page);
        return ExtractJson.line(file.toString(), url, explained.article(), explain ? explained.explanation() : null);
    }

    static String read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw) {
            return HtmlText.decode(in.readAllBytes());
        }
    }
}
