package org.newsline.cli.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's garbage collector logged ({@code -Xlog:gc:file=F}, one line per pause such as {@code GC(12) Pause
 * Young (Normal) (G1 Evacuation Pause) 512M->300M(1024M) 12.345ms}): the heap in use after each pause, whose peak
 * is what the process needed, the pauses and the full collections.
 */
record GcLog(int pauses, int fullPauses, long peakAfterGcBytes, long lastAfterGcBytes, long peakCommittedBytes,
             double longestPauseMs) {

    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

    /** The JVM options that write the log this reads. */
    static String option(Path file) {
        return "-Xlog:gc:file=" + file + ":uptime";
    }

    static GcLog read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readAllLines(file)) : parse(List.of());
    }

    static GcLog parse(List<String> lines) {
        int pauses = 0;
        int full = 0;
        long peak = 0;
        long last = 0;
        long committed = 0;
        double longest = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            pauses++;
            if (m.group(1).startsWith("Pause Full")) {
                full++;
            }
            last = bytes(m.group(4), m.group(5));
            peak = Math.max(peak, last);
            committed = Math.max(committed, bytes(m.group(6), m.group(7)));
            longest = Math.max(longest, Double.parseDouble(m.group(8)));
        }
        return new GcLog(pauses, full, peak, last, committed, longest);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
