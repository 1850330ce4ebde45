package org.newsline.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.cli.Newsctl;

/**
 * The short form of the fault-injection suite, as CI runs it: {@code newsctl faults --short}, with the broker,
 * the services and PostgreSQL as processes of their own. Passes only if nothing was lost or doubled.
 */
@Tag("integration")
class FaultSuiteShortTest {

    @TempDir
    Path workDir;

    @Test
    void nothingIsLostOrDoubledUnderKillsAndRestarts() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = Newsctl.run("faults", "--short", "--seed", "20261125", "--work-dir", workDir.toString());
        } finally {
            System.setOut(stdout);
        }
        String summary = captured.toString(StandardCharsets.UTF_8).strip();
        System.out.println(summary);
        assertThat(summary).matches("faults injected: (\\d+), survived: \\1, items: (\\d+), stored: \\2, "
                + "lost: 0, duplicated: 0");
        assertThat(exit).isZero();
    }
}
