package org.newsline.cli;

import picocli.CommandLine.Option;

/** The option of every command that talks to the store's API. */
public final class ApiOptions {

    @Option(names = "--api", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "The store's API (default: ${DEFAULT-VALUE}).")
    String api;

    public ApiClient client() {
        return new ApiClient(api);
    }
}
