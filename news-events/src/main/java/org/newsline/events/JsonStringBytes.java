package org.newsline.events;

import java.util.Arrays;

/**
 * Reads one JSON string straight from UTF-8 JSON bytes into the UTF-8 bytes of its value: escapes resolved,
 * everything else copied, nothing decoded to UTF-16. Input that is not a well-formed JSON string in UTF-8 is
 * refused as a JSON parser would refuse it (raw control characters, bad escapes, malformed UTF-8); a lone
 * surrogate escape becomes {@code ?}, as {@code String.getBytes(UTF_8)} makes of one.
 */
final class JsonStringBytes {

    private byte[] out;
    private int size;
    private int extra; // bytes beyond one per character among the escapes' output

    private JsonStringBytes(int capacity) {
        out = new byte[Math.max(16, capacity)];
    }

    /**
     * The value of the JSON string whose opening quote is at {@code quote}.
     *
     * @throws EventDecodingException if it is not a well-formed string
     */
    static byte[] read(byte[] json, int quote) {
        return readTo(json, quote, null);
    }

    /**
     * As {@link #read}; {@code end}, when given, receives the index of the closing quote in its first element
     * and the value's length in {@code String} characters (UTF-16 code units) in its second.
     */
    static byte[] readTo(byte[] json, int quote, int[] end) {
        if (quote < 0 || quote >= json.length || json[quote] != '"') {
            throw new EventDecodingException("malformed JSON: no string at byte " + quote);
        }
        int n = json.length;
        JsonStringBytes s = null;
        int i = quote + 1;
        int run = i;
        int extra = 0; // bytes beyond one per character in the copied runs
        while (true) {
            // the common case, bytes that stand for themselves: ASCII in a tight loop, UTF-8 checked
            byte b = 0;
            while (i < n) {
                while (i < n && (b = json[i]) >= 0x20 && b != '"' && b != '\\') {
                    i++;
                }
                if (i >= n || b >= 0) {
                    break;
                }
                int len = sequence(json, i);
                if (len == 0) {
                    throw new EventDecodingException("malformed JSON: invalid UTF-8 at byte " + i);
                }
                extra += len == 4 ? 2 : len - 1; // four bytes are two chars (a surrogate pair)
                i += len;
            }
            if (i >= n) {
                throw new EventDecodingException("malformed JSON: unterminated string");
            }
            if (b == '"') {
                byte[] value;
                if (s == null) { // no escapes: one copy
                    value = Arrays.copyOfRange(json, run, i);
                } else {
                    s.append(json, run, i - run);
                    extra += s.extra;
                    value = s.out.length == s.size ? s.out : Arrays.copyOf(s.out, s.size);
                }
                if (end != null) {
                    end[0] = i;
                    if (end.length > 1) {
                        end[1] = value.length - extra;
                    }
                }
                return value;
            }
            if (b != '\\') {
                throw new EventDecodingException("malformed JSON: unescaped control character in a string");
            }
            if (s == null) {
                s = new JsonStringBytes(n - quote);
            }
            s.append(json, run, i - run);
            i = s.escape(json, i);
            run = i;
        }
    }

    /** Appends the escape at {@code i} (a backslash); returns the index after it. */
    private int escape(byte[] json, int i) {
        if (i + 1 >= json.length) {
            throw new EventDecodingException("malformed JSON: unterminated string");
        }
        switch (json[i + 1]) {
            case '"' -> put('"');
            case '\\' -> put('\\');
            case '/' -> put('/');
            case 'b' -> put('\b');
            case 'f' -> put('\f');
            case 'n' -> put('\n');
            case 'r' -> put('\r');
            case 't' -> put('\t');
            case 'u' -> {
                int c = hex4(json, i + 2);
                int next = i + 6;
                if (Character.isHighSurrogate((char) c) && next + 5 < json.length && json[next] == '\\'
                        && json[next + 1] == 'u') {
                    int low = hex4(json, next + 2);
                    if (Character.isLowSurrogate((char) low)) {
                        putCodePoint(Character.toCodePoint((char) c, (char) low));
                        return next + 6;
                    }
                }
                putCodePoint(Character.isSurrogate((char) c) ? '?' : c);
                return next;
            }
            default -> throw new EventDecodingException("malformed JSON: bad escape \\" + (char) json[i + 1]);
        }
        return i + 2;
    }

    private static int hex4(byte[] json, int at) {
        if (at + 4 > json.length) {
            throw new EventDecodingException("malformed JSON: unterminated string");
        }
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(json[k], 16);
            if (d < 0) {
                throw new EventDecodingException("malformed JSON: bad \\u escape");
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The length of the well-formed UTF-8 sequence at {@code i} (2 to 4), or 0 if it is malformed. */
    static int sequence(byte[] b, int i) {
        int c0 = b[i] & 0xff;
        int len = c0 >= 0xC2 && c0 <= 0xDF ? 2 : c0 >= 0xE0 && c0 <= 0xEF ? 3 : c0 >= 0xF0 && c0 <= 0xF4 ? 4 : 0;
        if (len == 0 || i + len > b.length) {
            return 0;
        }
        int c1 = b[i + 1] & 0xff;
        // overlong forms and surrogates are malformed, as the JDK's decoder says
        if ((c0 == 0xE0 && c1 < 0xA0) || (c0 == 0xED && c1 > 0x9F) || (c0 == 0xF0 && c1 < 0x90)
                || (c0 == 0xF4 && c1 > 0x8F)) {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return len;
    }

    private void putCodePoint(int cp) {
        if (cp < 0x80) {
            put(cp);
            return;
        }
        extra += cp < 0x800 ? 1 : 2; // two bytes for one char, three for one, four for a surrogate pair
        if (cp < 0x800) {
            put(0xC0 | cp >> 6);
            put(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            put(0xE0 | cp >> 12);
            put(0x80 | cp >> 6 & 0x3F);
            put(0x80 | cp & 0x3F);
        } else {
            put(0xF0 | cp >> 18);
            put(0x80 | cp >> 12 & 0x3F);
            put(0x80 | cp >> 6 & 0x3F);
            put(0x80 | cp & 0x3F);
        }
    }

    private void put(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) b;
    }

    private void append(byte[] from, int start, int length) {
        if (size + length > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + length));
        }
        System.arraycopy(from, start, out, size, length);
        size += length;
    }
}
