package org.newsline.cli;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as a plain aligned table, cells cut to a readable width. */
final class Table {

    private static final int MAX_CELL = 48;

    private Table() {
    }

    static void print(List<String[]> rows, PrintStream out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], cell(row[i]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String c = cell(row[i]);
                line.append(c);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - c.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cell(String s) {
        String c = s == null ? "-" : s.replace('\n', ' ');
        return c.length() > MAX_CELL ? c.substring(0, MAX_CELL - 1) + "…" : c;
    }
}
