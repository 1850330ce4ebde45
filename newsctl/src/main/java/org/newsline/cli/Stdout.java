package org.newsline.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as UTF-8, whatever the platform's default: the JSON, CSV and OPML we print are UTF-8 by
 * contract. Wraps the current {@code System.out}, so it follows a redirected stream.
 */
final class Stdout {

    private Stdout() {
    }

    static PrintStream utf8() {
        return new PrintStream(System.out, false, StandardCharsets.UTF_8);
    }
}
