package org.newsline.extract.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the in-repo benchmark data ({@code eval/aeb-dev}) from wherever the tests run. */
public final class BenchData {

    private BenchData() {
    }

    /** The {@code eval/aeb-dev} directory of the repository that contains the working directory. */
    public static Path devDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("eval").resolve("aeb-dev");
            if (Files.isRegularFile(candidate.resolve("ground-truth.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("eval/aeb-dev not found above " + Path.of("").toAbsolutePath());
    }
}
