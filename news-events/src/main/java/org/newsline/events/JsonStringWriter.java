package org.newsline.events;

/**
 * Writes UTF-8 text as a JSON string straight from its bytes, escaping exactly as the codec's generator does
 * ({@code \"}, {@code \\}, the short escapes of backspace, tab, newline, form feed and carriage return, and
 * a six-character escape with capital hex digits for the other control characters) and copying everything else,
 * multi-byte sequences included. The escaped length is counted first, so the output is allocated once at its
 * exact size (a 170 KB page body is neither copied to a larger buffer nor trimmed afterwards), and runs of plain
 * bytes are copied whole.
 */
final class JsonStringWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Extra bytes the escape of each byte value adds: 0 for bytes copied as they are. */
    private static final byte[] EXTRA = new byte[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            EXTRA[b] = 5; // \\u00XX
        }
        for (char c : new char[] {'"', '\\', '\b', '\t', '\n', '\f', '\r'}) {
            EXTRA[c] = 1;
        }
    }

    private JsonStringWriter() {
    }

    /** The length of {@code utf8} written as a JSON string, quotes included. */
    static int quotedLength(byte[] utf8) {
        long extra = 0;
        for (byte b : utf8) {
            extra += EXTRA[b & 0xFF];
        }
        long n = utf8.length + extra + 2;
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("string too long for a JSON document: " + n + " bytes");
        }
        return (int) n;
    }

    /**
     * Writes {@code utf8} as a JSON string, quotes included, into {@code out} from {@code at}; {@code out} has
     * room for {@link #quotedLength}. Returns the index after the closing quote.
     */
    static int write(byte[] utf8, byte[] out, int at) {
        out[at++] = '"';
        int n = utf8.length;
        int i = 0;
        while (i < n) {
            int run = i;
            while (i < n && EXTRA[utf8[i] & 0xFF] == 0) {
                i++;
            }
            System.arraycopy(utf8, run, out, at, i - run);
            at += i - run;
            if (i < n) {
                at = escape(utf8[i], out, at);
                i++;
            }
        }
        out[at++] = '"';
        return at;
    }

    private static int escape(byte b, byte[] out, int at) {
        out[at++] = '\\';
        switch (b) {
            case '"' -> out[at++] = '"';
            case '\\' -> out[at++] = '\\';
            case '\b' -> out[at++] = 'b';
            case '\t' -> out[at++] = 't';
            case '\n' -> out[at++] = 'n';
            case '\f' -> out[at++] = 'f';
            case '\r' -> out[at++] = 'r';
            default -> {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[b >> 4];
                out[at++] = HEX[b & 0xF];
            }
        }
        return at;
    }
}
