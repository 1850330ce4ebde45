package org.newsline.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;

/**
 * readability4j over local files with the output shape of {@code newsctl extract}: one JSON object per line per
 * file, in input order. {@code --threads N} (default 1) runs files on N threads.
 *
 * <p>Usage: {@code java -jar extract-baseline/target/extract-baseline.jar [--threads N] [--url URL] FILE...}
 */
public final class Readability4jMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Readability4jMain() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 1;
        String url = "http://localhost/";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String pageUrl = url;
        int window = threads * 4;
        List<Future<String>> pending = new ArrayList<>();
        int next = 0;
        for (int done = 0; done < files.size(); done++) {
            while (next < files.size() && next < done + window) {
                Path file = files.get(next++);
                pending.add(pool.submit(() -> extract(file, pageUrl)));
            }
            out.println(pending.set(done, null).get());
        }
        pool.shutdown();
        out.flush();
    }

    private static String extract(Path file, String url) throws IOException {
        String html;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Article article = new Readability4J(url, html).parse();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("url", url);
        json.put("title", article.getTitle());
        json.put("byline", article.getByline());
        json.put("text", article.getTextContent());
        json.put("html", article.getContent());
        return JSON.writeValueAsString(json);
    }
}
