package org.newsline.extract;

import org.newsline.runtime.ServiceRunner;

/** The extract service alone: {@code java -jar extract-service.jar}, configured by environment variables. */
public final class ExtractMain {

    private ExtractMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.run("extract-service", ctx -> {
            ExtractService service = new ExtractService(ctx.clients(), new Extractor(), ctx.metrics()).start();
            ctx.health().add("extract.consumer", () -> service.loop().joined());
            return service;
        });
    }
}
