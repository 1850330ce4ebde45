package org.newsline.events;

import java.util.Arrays;

/**
 * Writes UTF-8 text as a JSON string straight from its bytes, escaping exactly as the codec's generator does
 * ({@code \"}, {@code \\}, the short escapes of backspace, tab, newline, form feed and carriage return, and
 * a six-character escape with capital hex digits for the other control characters) and copying everything else,
 * multi-byte sequences included. Runs of plain bytes are copied whole.
 */
final class JsonStringWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] out;
    private int size;

    /** Starts with {@code prefix}, room for about {@code expected} more bytes. */
    JsonStringWriter(byte[] prefix, int prefixLength, int expected) {
        out = Arrays.copyOf(prefix, prefixLength + expected + expected / 16 + 64);
        size = prefixLength;
    }

    /** Appends {@code utf8} as a JSON string, quotes included. */
    void string(byte[] utf8) {
        put('"');
        int n = utf8.length;
        int i = 0;
        while (i < n) {
            int run = i;
            byte b = 0;
            while (i < n && ((b = utf8[i]) >= 0x20 || b < 0) && b != '"' && b != '\\') {
                i++;
            }
            append(utf8, run, i - run);
            if (i < n) {
                escape(b);
                i++;
            }
        }
        put('"');
    }

    void append(byte[] from, int start, int length) {
        ensure(length);
        System.arraycopy(from, start, out, size, length);
        size += length;
    }

    byte[] toByteArray() {
        return out.length == size ? out : Arrays.copyOf(out, size);
    }

    private void escape(byte b) {
        switch (b) {
            case '"' -> put2('\\', '"');
            case '\\' -> put2('\\', '\\');
            case '\b' -> put2('\\', 'b');
            case '\t' -> put2('\\', 't');
            case '\n' -> put2('\\', 'n');
            case '\f' -> put2('\\', 'f');
            case '\r' -> put2('\\', 'r');
            default -> {
                ensure(6);
                out[size++] = '\\';
                out[size++] = 'u';
                out[size++] = '0';
                out[size++] = '0';
                out[size++] = HEX[b >> 4];
                out[size++] = HEX[b & 0xF];
            }
        }
    }

    private void put(int b) {
        ensure(1);
        out[size++] = (byte) b;
    }

    private void put2(int a, int b) {
        ensure(2);
        out[size++] = (byte) a;
        out[size++] = (byte) b;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
