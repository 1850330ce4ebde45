package org.newsline.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema files of the public topics, as resources of this module (and in the repository). */
public final class Schemas {

    public static final String ARTICLES = "/schemas/news.articles.schema.json";
    public static final String STATEMENTS = "/schemas/news.statements.schema.json";

    private Schemas() {
    }

    public static String read(String resource) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
