package org.newsline.cli.replay;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long command on stderr: on a terminal a bar redrawn in place with rate and ETA, otherwise a
 * plain line every few seconds (logs and CI output stay readable).
 */
final class Progress {

    private static final int WIDTH = 30;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final String label;
    private static final long REDRAW_EVERY_NANOS = 100_000_000L;

    private long lastPlain;
    private long lastDrawn;
    private boolean drawn;

    Progress(PrintStream err, boolean terminal, String label) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
    }

    /** True when stderr goes to a terminal (a console exists and TERM is not dumb). */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * @param total -1 when unknown
     * @param rate  units per second, 0 when unknown
     * @param extra appended to the line (counts)
     */
    void update(long done, long total, double rate, String extra) {
        String eta = total > 0 && rate > 0 ? duration((long) Math.ceil(Math.max(0, total - done) / rate)) : "--:--";
        String count = total >= 0 ? String.format(Locale.ROOT, "%,d/%,d", done, total)
                : String.format(Locale.ROOT, "%,d", done);
        String speed = String.format(Locale.ROOT, "%,.0f/s", rate);
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDrawn < REDRAW_EVERY_NANOS) {
                return;
            }
            lastDrawn = now;
            int filled = total > 0 ? (int) Math.min(WIDTH, done * WIDTH / total) : 0;
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            String pct = total > 0 ? String.format(Locale.ROOT, "%3d%%", Math.min(100, done * 100 / total)) : "  ?%";
            err.print("\r" + label + " [" + bar + "] " + pct + " " + count + "  " + speed + "  ETA " + eta + "  "
                    + extra + "\033[K");
            err.flush();
            drawn = true;
            return;
        }
        if (lastPlain == 0 || now - lastPlain >= PLAIN_EVERY_NANOS) {
            lastPlain = now;
            String pct = total > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)) : "";
            err.println(label + ": " + count + pct + ", " + speed + ", ETA " + eta + ", " + extra);
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (terminal && drawn) {
            err.println();
        }
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
