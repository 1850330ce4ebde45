package org.newsline.ingest.http;

/**
 * Counts well-formed multi-byte UTF-8 sequences and malformed bytes in a body. Many sequences and no malformed
 * bytes is UTF-8 beyond doubt; many sequences and a few malformed bytes is UTF-8 with damage; no sequences and
 * malformed bytes is a single-byte charset.
 *
 * @param multiByteSequences well-formed sequences of 2 to 4 bytes
 * @param malformedBytes     bytes that are not part of a well-formed sequence
 */
public record Utf8Scan(int multiByteSequences, int malformedBytes) {

    public static Utf8Scan of(byte[] b) {
        int sequences = 0;
        int malformed = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 0 || i + len > b.length || !continuation(b, i, len)) {
                malformed++;
                i++;
                continue;
            }
            sequences++;
            i += len;
        }
        return new Utf8Scan(sequences, malformed);
    }

    private static boolean continuation(byte[] b, int start, int len) {
        int c0 = b[start] & 0xff;
        int c1 = b[start + 1] & 0xff;
        // reject overlong forms and surrogates, as the JDK decoder does
        if ((c0 == 0xE0 && c1 < 0xA0) || (c0 == 0xED && c1 > 0x9F) || (c0 == 0xF0 && c1 < 0x90)
                || (c0 == 0xF4 && c1 > 0x8F)) {
            return false;
        }
        for (int k = 1; k < len; k++) {
            if ((b[start + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    public boolean isValid() {
        return malformedBytes == 0;
    }

    /**
     * Mostly UTF-8: at least as many well-formed multi-byte sequences as malformed bytes. Text in a single-byte
     * charset almost never forms a valid sequence by accident (it takes an accented capital followed by a symbol
     * from the C1 range), so this tells damaged UTF-8 from windows-1252.
     */
    public boolean isMostlyUtf8() {
        return multiByteSequences > 0 && multiByteSequences >= malformedBytes;
    }
}
