package org.newsline.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * CSV as RFC 4180 has it: CRLF after every record, a field quoted when it holds a comma, a quote, CR or LF,
 * quotes inside doubled. Spreadsheets and pandas read it back unchanged.
 */
final class CsvWriter {

    private final PrintStream out;

    CsvWriter(PrintStream out) {
        this.out = out;
    }

    void row(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        out.print(line.append("\r\n"));
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
