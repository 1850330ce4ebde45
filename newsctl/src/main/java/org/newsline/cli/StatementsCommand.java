package org.newsline.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.events.EventCodec;
import org.newsline.extract.statements.StatementExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code newsctl statements FILE...}: who said what in plain-text articles, one JSON object per file. */
@Command(name = "statements", mixinStandardHelpOptions = true,
        description = "Extract statements (who said what) from plain-text articles (UTF-8, blank-line paragraphs).")
final class StatementsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        StatementExtractor extractor = new StatementExtractor();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        int failures = 0;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                failures++;
                System.err.println("newsctl: cannot read " + file + ": " + e.getMessage());
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.toString());
            json.put("statements", extractor.extract(text));
            out.println(EventCodec.encodeToString(json));
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
