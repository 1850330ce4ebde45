package org.newsline.ingest;

import org.newsline.runtime.ServiceRunner;

/** The ingest service alone: {@code java -jar ingest-service.jar}, configured by environment variables. */
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.run("ingest-service", ctx -> {
            IngestService service = new IngestService(ctx.clients(), ctx.metrics()).start();
            service.addHealthChecks(ctx.health());
            return service;
        });
    }
}
