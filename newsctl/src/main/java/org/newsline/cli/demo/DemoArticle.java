package org.newsline.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample article of the demo site, read from a text resource: the headline on the first line, optional
 * {@code Key: value} lines, a blank line, then paragraphs separated by blank lines.
 */
record DemoArticle(String slug, String title, String author, String section, Instant published,
                   List<String> paragraphs) {

    static DemoArticle load(String slug) {
        String resource = "/demo/" + slug + ".txt";
        try (InputStream in = DemoArticle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            String[] blocks = text.split("\n\\s*\n");
            String[] head = blocks[0].split("\n");
            String title = head[0].strip();
            String author = "Staff Reporter";
            String section = "World";
            Instant published = Instant.parse("2017-11-11T12:00:00Z");
            for (int i = 1; i < head.length; i++) {
                String line = head[i];
                int colon = line.indexOf(':');
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "Author" -> author = value;
                    case "Section" -> section = value;
                    case "Published" -> published = Instant.parse(value);
                    default -> throw new IllegalStateException("unknown header " + key + " in " + resource);
                }
            }
            List<String> paragraphs = new ArrayList<>();
            for (int i = 1; i < blocks.length; i++) {
                String p = blocks[i].strip();
                if (!p.isEmpty()) {
                    paragraphs.add(p);
                }
            }
            return new DemoArticle(slug, title, author, section, published, paragraphs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
