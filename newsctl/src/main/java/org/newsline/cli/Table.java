package org.newsline.cli;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as a plain aligned table, cells cut to a readable width. */
final class Table {

    private static final int MAX_CELL = 48;

    private Table() {
    }

    static void print(List<String[]> rows, PrintStream out) {
        int[] max = new int[rows.get(0).length];
        java.util.Arrays.fill(max, MAX_CELL);
        print(rows, out, max);
    }

    /** @param maxWidths the widest each column may be; longer cells are cut with an ellipsis */
    static void print(List<String[]> rows, PrintStream out, int... maxWidths) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], cell(row[i], maxWidths[i]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String c = cell(row[i], maxWidths[i]);
                line.append(c);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - c.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String cell(String s, int max) {
        String c = s == null ? "-" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return c.length() > max ? c.substring(0, max - 1) + "…" : c;
    }
}
