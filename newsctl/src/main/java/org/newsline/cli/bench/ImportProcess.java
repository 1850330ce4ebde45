package org.newsline.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.newsline.cli.Newsctl;

/**
 * {@code newsctl archive import} in a child JVM, as a user runs it next to a running pipeline: the same
 * command, in a process of its own with the JVM's default settings. When the command returns, the child prints
 * its exit code and its own CPU time, which the parent reads ({@link #await}).
 *
 * <p>Usage as a main class: {@code ImportProcess ARGS...} (the arguments of {@code newsctl}).
 */
public final class ImportProcess {

    private static final String RESULT = "import-process: ";

    private final Process process;
    private final long startNanos = System.nanoTime();

    private ImportProcess(Process process) {
        this.process = process;
    }

    public static void main(String[] args) {
        int code = Newsctl.run(args);
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.println(RESULT + code + " " + cpu);
        System.out.flush();
        System.exit(code);
    }

    /** Starts {@code newsctl archive import --bootstrap-servers BOOTSTRAP FILE} in a child JVM. */
    static ImportProcess start(String bootstrapServers, Path warc) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ImportProcess.class.getName(), "archive", "import", "--bootstrap-servers", bootstrapServers,
                warc.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        return new ImportProcess(p);
    }

    /** What the import did: its exit code, wall seconds, CPU seconds of the whole child JVM, its summary line. */
    record Result(int exitCode, double seconds, double cpuSeconds, String summary) {
    }

    /** Waits for the import to end (killing it after {@code timeoutSeconds}). */
    Result await(long timeoutSeconds) throws IOException, InterruptedException {
        String summary = "";
        long cpu = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    cpu = Long.parseLong(line.substring(RESULT.length()).split(" ")[1]);
                } else if (!line.isBlank()) {
                    summary = line.strip();
                }
            }
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the import did not end within " + timeoutSeconds + " s");
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Result(process.exitValue(), seconds, cpu / 1e9, summary);
    }

    /** Kills the child if it still runs. */
    void destroy() {
        process.destroyForcibly();
    }
}
