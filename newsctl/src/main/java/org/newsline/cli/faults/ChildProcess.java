package org.newsline.cli.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One part of the pipeline as an OS process of its own: a JVM on this process's class path running a main class,
 * configured by environment variables, its output appended to a log file. It can be killed with SIGKILL and
 * started again with the same configuration (same instance id, same data directory).
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final BooleanSupplier ready;
    private volatile Process process;
    private int starts;

    /**
     * A JVM of {@code heap} tuned for a process that is killed and restarted many times ({@link #restartable}).
     *
     * @param ready true once the process does its job (e.g. its {@code /health} answers 200)
     */
    ChildProcess(String name, String mainClass, List<String> args, String heap, Map<String, String> env, Path logDir,
                 BooleanSupplier ready) {
        this(name, mainClass, args, restartable(heap), env, logDir, ready);
    }

    /**
     * @param jvmOptions the JVM's options (heap, collector, logging)
     * @param ready      true once the process does its job (e.g. its {@code /health} answers 200)
     */
    ChildProcess(String name, String mainClass, List<String> args, List<String> jvmOptions, Map<String, String> env,
                 Path logDir, BooleanSupplier ready) {
        this.name = name;
        this.env = env;
        this.log = logDir.resolve(name + ".log");
        this.ready = ready;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
    }

    /** Options for a JVM of {@code heap} that is killed and restarted many times. */
    static List<String> restartable(String heap) {
        return List.of("-Xmx" + heap, "-XX:+UseSerialGC",
                // C1 only: a process restarted many times spends most of its short life compiling otherwise
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the suite's own NEWSLINE_* environment must not leak into the pipeline it runs
        pb.environment().keySet().removeIf(k -> k.startsWith("NEWSLINE_"));
        pb.environment().putAll(env);
        Files.writeString(log, "==== start " + (++starts) + " of " + name + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = pb.start();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; waits until the process is gone. */
    synchronized void kill9() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within {@code grace}. */
    synchronized void stop(Duration grace) throws InterruptedException, IOException {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            Files.writeString(log, "==== " + name + " did not stop within " + grace.toSeconds() + " s: SIGKILL\n",
                    java.nio.file.StandardOpenOption.APPEND);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The process id, or -1 before the first start. */
    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    boolean ready() {
        return alive() && ready.getAsBoolean();
    }

    /** Waits until ready; false if it died or the time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                return false;
            }
            if (ready.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(15));
        } catch (IOException e) {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }
}
