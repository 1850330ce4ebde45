package org.newsline.extract.statements;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the annotated articles in {@code eval/statements} by walking up from the module to the repo root. */
final class AnnotatedArticles {

    private AnnotatedArticles() {
    }

    static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("eval").resolve("statements").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("eval/statements/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
