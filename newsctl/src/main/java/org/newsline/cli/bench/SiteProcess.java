package org.newsline.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link BenchSite} in a child JVM on this process's own class path, sends it commands, and stops it on
 * close (closing its standard input, then destroying it if it lingers).
 */
final class SiteProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final SiteLayout layout;

    private SiteProcess(Process process, BufferedReader out, SiteLayout layout) {
        this.process = process;
        this.out = out;
        this.layout = layout;
    }

    /** The site with pages from {@code pagesDir} and short feed items. */
    static SiteProcess start(Path pagesDir, int feeds, int items, int addresses) throws IOException {
        return start(pagesDir, feeds, items, addresses, 0);
    }

    /**
     * The site; {@code pagesDir} null serves feeds only, {@code itemBytes} above 0 pads feed items to about that
     * many bytes.
     */
    static SiteProcess start(Path pagesDir, int feeds, int items, int addresses, int itemBytes) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), BenchSite.class.getName(),
                pagesDir == null ? "-" : pagesDir.toString(), String.valueOf(feeds), String.valueOf(items),
                String.valueOf(addresses), String.valueOf(itemBytes)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port=")) {
            p.destroyForcibly();
            throw new IOException("the bench site did not start (said: " + line + ")");
        }
        int port = Integer.parseInt(line.substring("port=".length()).strip());
        return new SiteProcess(p, out, new SiteLayout(addresses, port, feeds, items));
    }

    /** Sends one command line ({@link BenchSite}) and returns the site's one-line answer. */
    synchronized String command(String command) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String answer = out.readLine();
        if (answer == null || answer.startsWith("error")) {
            throw new IOException("the bench site did not take '" + command + "': " + answer);
        }
        return answer;
    }

    SiteLayout layout() {
        return layout;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the site process has used so far, or -1 if the platform does not tell. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
