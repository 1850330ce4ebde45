package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.newsline.cli.opml.OpmlException;
import org.newsline.cli.opml.OpmlFeed;
import org.newsline.cli.opml.OpmlReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsctl import-opml FILE}: subscribes every feed of an OPML file, folders and categories as tags.
 * The file is read as a stream and at most {@code --parallel} subscriptions are in flight, so a list of any
 * length runs in constant memory. Each feed gets one line (subscribed on stdout, failed with the API's reason
 * on stderr) and a summary ends the run; the exit code is 1 if any feed failed.
 */
@Command(name = "import-opml", mixinStandardHelpOptions = true,
        description = "Subscribe every feed of an OPML file (folders and categories become tags).")
final class ImportOpmlCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The OPML file, or - for standard input.")
    String file;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Subscriptions in flight at once; each checks its feed over HTTP (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("--parallel must be between 1 and 64, got " + parallel);
        }
        ApiClient client = api.client();
        PrintStream out = Stdout.utf8();
        PrintStream err = new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        AtomicLong subscribed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        // set when the API cannot be reached at all: every other request would fail the same way
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "newsctl-import-opml");
            t.setDaemon(true);
            return t;
        });
        long read = 0;
        try (InputStream in = open()) {
            read = OpmlReader.read(in, feed -> {
                if (fatal.get() != null) {
                    throw fatal.get();
                }
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        JsonNode sub = client.post("/api/feeds", body(feed));
                        synchronized (out) {
                            out.println(SubscribeCommand.describe(feed.xmlUrl(), sub));
                            out.flush();
                        }
                        subscribed.incrementAndGet();
                    } catch (ApiClient.UnreachableException e) {
                        fatal.compareAndSet(null, e);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        synchronized (out) {
                            err.println("failed " + feed.xmlUrl() + " (line " + feed.line() + "): " + e.getMessage());
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            });
        } catch (OpmlException e) {
            awaitAll(pool);
            throw new IllegalArgumentException(file + ": " + e.getMessage() + summary(subscribed, failed));
        } catch (ApiClient.UnreachableException stopped) {
            // thrown into the reader by the sink to stop reading; reported below
        } finally {
            awaitAll(pool);
        }
        if (fatal.get() != null) {
            throw new IllegalStateException(fatal.get().getMessage() + summary(subscribed, failed));
        }
        out.println("imported " + file + ": " + read + (read == 1 ? " feed, " : " feeds, ") + subscribed.get()
                + " subscribed, " + failed.get() + " failed");
        out.flush();
        if (failed.get() > 0) {
            err.println("newsctl: " + failed.get() + " of " + read + " feeds could not be subscribed (reasons above)");
            return 1;
        }
        return 0;
    }

    private InputStream open() throws IOException {
        if (file.equals("-")) {
            return new BufferedInputStream(System.in);
        }
        try {
            return new BufferedInputStream(Files.newInputStream(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
    }

    private static Map<String, Object> body(OpmlFeed feed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", feed.xmlUrl());
        body.put("tags", feed.tags());
        return body;
    }

    private static String summary(AtomicLong subscribed, AtomicLong failed) {
        return " (" + subscribed.get() + " subscribed, " + failed.get() + " failed before it)";
    }

    private static void awaitAll(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }
}
