package org.newsline.store.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.testcontainers.DockerClientFactory;

/**
 * Images the container tests run, built locally by {@code scripts/docker-env.sh images} (no registry needed).
 * A test whose image is missing is skipped with a message, or fails when {@code NEWSLINE_REQUIRE_CONTAINERS=true}
 * (as in CI, where the images are built first).
 */
final class LocalImages {

    private LocalImages() {
    }

    static void require(String image) {
        boolean present;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            present = true;
        } catch (RuntimeException e) {
            present = false;
        }
        String message = "container tests skipped: image " + image + " is missing (build it with scripts/docker-env.sh images)";
        if (!present && Boolean.parseBoolean(System.getenv("NEWSLINE_REQUIRE_CONTAINERS"))) {
            throw new IllegalStateException(message);
        }
        assumeTrue(present, message);
    }
}
