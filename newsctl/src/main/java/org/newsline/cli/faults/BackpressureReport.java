package org.newsline.cli.faults;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints what {@link BackpressureRun} measured: the timeline of each run, then one table of memory and counts. */
final class BackpressureReport {

    private static final int TIMELINE_ROWS = 24;

    private BackpressureReport() {
    }

    static void print(List<BackpressureRun.Outcome> outcomes, PrintStream out) {
        for (BackpressureRun.Outcome o : outcomes) {
            out.printf("%n%s: %,d raw pages, database down at %d s for %d s%n", title(o), o.pages(), o.dbDownAt(),
                    o.dbUpAt() - o.dbDownAt());
            List<String> processes = o.timeline().isEmpty() ? List.of()
                    : new ArrayList<>(o.timeline().get(0).heap().keySet());
            StringBuilder header = new StringBuilder("     s   produced  extract lag  store lag     stored");
            for (String p : processes) {
                header.append(String.format("  %12s", "heap " + p));
            }
            out.println(header);
            for (BackpressureRun.Reading r : thin(o.timeline())) {
                StringBuilder row = new StringBuilder(String.format("%6d %10s %12s %10s %10s", r.second(),
                        number(r.produced()), number(r.extractLag()), number(r.storeLag()), r.stored()));
                for (String p : processes) {
                    row.append(String.format("  %9s MB", number(r.heap().getOrDefault(p, 0L) >> 20)));
                }
                out.println(row);
            }
        }
        out.println();
        out.println("| setup | process | -Xmx | peak heap after GC | GC pauses (full) | longest pause | "
                + "out of memory | alive at the end |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (BackpressureRun.Outcome o : outcomes) {
            for (BackpressureRun.Memory m : o.memory()) {
                GcLog gc = m.gc();
                out.printf("| %s | %s | %s | %,d MB (%.0f%%) | %,d (%d) | %.0f ms | %s | %s |%n", title(o),
                        m.process(), m.heap(), gc.peakAfterGcBytes() >> 20,
                        100.0 * gc.peakAfterGcBytes() / m.maxBytes(), gc.pauses(), gc.fullPauses(),
                        gc.longestPauseMs(), m.outOfMemory() ? "YES" : "no", m.alive() ? "yes" : "NO");
            }
        }
        out.println();
        out.println("| setup | pages | articles stored (rows) | distinct ids | raw pages archived | lost | "
                + "burst produced in | peak lag extract / store | all stored at | caught up after the database "
                + "came back |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (BackpressureRun.Outcome o : outcomes) {
            out.printf("| %s | %,d | %,d | %,d | %,d | %,d | %.0f s | %,d / %,d | %s | %s |%n", title(o),
                    o.pages(), o.stored(), o.distinct(), o.rawStored(), Math.max(0, o.pages() - o.distinct()),
                    o.produceSeconds(), o.peakExtractLag(),
                    o.peakStoreLag(), o.caughtUpAt() < 0 ? "NOT" : o.caughtUpAt() + " s",
                    o.caughtUpAt() < 0 ? "-" : (o.caughtUpAt() - o.dbUpAt()) + " s");
        }
    }

    private static String title(BackpressureRun.Outcome o) {
        return o.setup().name();
    }

    private static String number(long n) {
        return n < 0 ? "-" : String.format("%,d", n);
    }

    /** At most {@link #TIMELINE_ROWS} readings, evenly spread, always with the first and the last. */
    static List<BackpressureRun.Reading> thin(List<BackpressureRun.Reading> readings) {
        if (readings.size() <= TIMELINE_ROWS) {
            return readings;
        }
        List<BackpressureRun.Reading> out = new ArrayList<>();
        double step = (readings.size() - 1) / (double) (TIMELINE_ROWS - 1);
        for (int i = 0; i < TIMELINE_ROWS; i++) {
            out.add(readings.get((int) Math.round(i * step)));
        }
        return out;
    }
}
