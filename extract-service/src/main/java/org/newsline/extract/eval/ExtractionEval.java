package org.newsline.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.newsline.extract.article.ArticleExtractor;
import org.newsline.extract.article.ExtractedPage;

/**
 * Scores an {@link ArticleExtractor} on a directory laid out like the article-extraction benchmark:
 * {@code ground-truth.json} ({@code {id: {"articleBody": ..., "url": ...}}}) and {@code html/<id>.html.gz}
 * (or {@code .html}).
 */
public final class ExtractionEval {

    private ExtractionEval() {
    }

    /** One benchmark page: its id, URL, HTML and true article body. */
    public record Page(String id, String url, String html, String truth) {
    }

    /**
     * Extracts every page of {@code dir} with {@code extractor} and scores the plain text against the ground
     * truth.
     *
     * @throws UncheckedIOException when the directory or a page cannot be read
     */
    public static ExtractionReport evaluate(Path dir, ArticleExtractor extractor) {
        List<PageScore> scores = new ArrayList<>();
        for (Page page : loadPages(dir)) {
            ExtractedPage result = extractor.extract(page.html(), page.url());
            scores.add(new PageScore(page.id(), ShingleMetric.compare(page.truth(), result.text()),
                    ShingleMetric.sameTokens(page.truth(), result.text())));
        }
        return new ExtractionReport(scores);
    }

    /** Reads the ground truth and every page's HTML, in the order of the ground-truth file. */
    public static List<Page> loadPages(Path dir) {
        Path truthFile = dir.resolve("ground-truth.json");
        try {
            JsonNode root = new ObjectMapper().readTree(truthFile.toFile());
            List<Page> pages = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                String id = e.getKey();
                pages.add(new Page(id, e.getValue().path("url").asText(""), readHtml(dir, id),
                        e.getValue().path("articleBody").asText("")));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark directory " + dir, e);
        }
    }

    private static String readHtml(Path dir, String id) throws IOException {
        Path gz = dir.resolve("html").resolve(id + ".html.gz");
        if (Files.exists(gz)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(dir.resolve("html").resolve(id + ".html"), StandardCharsets.UTF_8);
    }

    /** Command-line entry: {@code ExtractionEval DIR} prints the report. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ExtractionEval DIR");
            System.exit(2);
        }
        evaluate(Path.of(args[0]), new ArticleExtractor()).print(System.out);
    }
}
