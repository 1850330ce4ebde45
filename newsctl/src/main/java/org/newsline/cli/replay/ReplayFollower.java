package org.newsline.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.newsline.cli.ApiClient;

/**
 * Follows a replay that runs in the store: polls {@code GET /api/replays/{id}}, draws its progress, stops it
 * on Ctrl-C (it stays resumable), prints the summary on stdout and turns the outcome into an exit code.
 */
final class ReplayFollower {

    /** Exit codes: every selected record published; some failed or the job failed; stopped before the end. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int STOPPED = 3;

    private static final Duration POLL = Duration.ofMillis(500);

    private final ApiClient api;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    ReplayFollower(ApiClient api, PrintStream out, PrintStream err, boolean terminal) {
        this.api = api;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    int follow(JsonNode started, String command) throws InterruptedException {
        String id = started.get("id").asText();
        err.println("replay " + id + " (" + started.path("spec").path("kind").asText() + ") running in the store;"
                + " Ctrl-C stops it, `" + command + " --resume " + id + "` resumes it");
        CountDownLatch summarized = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                api.post("/api/replays/" + id + "/stop", Map.of());
                summarized.await(15, TimeUnit.SECONDS); // the polling loop sees it stop and prints the summary
            } catch (RuntimeException | InterruptedException e) {
                err.println("newsctl: could not stop replay " + id + ": " + e.getMessage());
            }
        }, "newsctl-replay-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Progress progress = new Progress(err, terminal, "replay " + id);
        JsonNode status = started;
        while (!finished(status)) {
            Thread.sleep(POLL.toMillis());
            status = api.get("/api/replays/" + id, Map.of());
            JsonNode c = status.path("counts");
            progress.update(c.path("read").asLong(), status.path("total").asLong(-1), status.path("rate").asDouble(),
                    String.format(Locale.ROOT, "published %,d skipped %,d failed %,d", c.path("published").asLong(),
                            c.path("skipped").asLong(), c.path("failed").asLong()));
        }
        progress.finish();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is stopping the replay
        }
        int exit = summarize(status, command);
        summarized.countDown();
        return exit;
    }

    static boolean finished(JsonNode status) {
        String state = status.path("state").asText();
        return state.equals("STOPPED") || state.equals("DONE") || state.equals("FAILED");
    }

    int summarize(JsonNode status, String command) {
        JsonNode c = status.path("counts");
        String id = status.path("id").asText();
        String state = status.path("state").asText().toLowerCase(Locale.ROOT);
        out.printf(Locale.ROOT, "replay %s %s: read %d, published %d, skipped %d, failed %d%n", id, state,
                c.path("read").asLong(), c.path("published").asLong(), c.path("skipped").asLong(),
                c.path("failed").asLong());
        out.flush();
        if (status.hasNonNull("error")) {
            err.println("newsctl: " + status.get("error").asText());
        }
        return switch (state) {
            case "done" -> c.path("failed").asLong() == 0 ? OK : FAILED;
            case "stopped" -> {
                err.println("resume with: " + command + " --resume " + id);
                yield STOPPED;
            }
            default -> FAILED;
        };
    }
}
