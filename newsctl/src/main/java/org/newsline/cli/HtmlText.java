package org.newsline.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a local HTML file: a BOM wins, then valid UTF-8, then the charset its first bytes declare
 * ({@code <meta charset>}), then windows-1252, which decodes anything.
 */
final class HtmlText {

    private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);

    /** Bytes decoded per call of the decoder. */
    private static final int SLICE = 8192;

    private HtmlText() {
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8; // the common case, decoded and checked in one pass
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                Charset declared = Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
                if (!declared.equals(StandardCharsets.UTF_8)) {
                    return new String(bytes, declared);
                }
            } catch (IllegalArgumentException unsupported) {
                // fall through to windows-1252
            }
        }
        return new String(bytes, Charset.forName("windows-1252"));
    }

    /**
     * The text of {@code bytes} when they are well-formed UTF-8, else null. Decodes slice by slice: the decoder's
     * loop then runs many short calls, which the JIT compiles after a few pages. One call per page over a whole
     * page (as {@code new String(bytes, UTF_8)} makes) is compiled only once the loop itself has run long enough,
     * and while the JIT is busy with the rest of a short run that can take most of it.
     */
    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        int end = bytes.length;
        do {
            in.limit(Math.min(end, in.position() + SLICE));
            if (decoder.decode(in, out, in.limit() == end).isError()) {
                return null;
            }
        } while (in.limit() < end);
        if (in.hasRemaining() || decoder.flush(out).isError()) {
            return null;
        }
        return new String(out.array(), 0, out.position());
    }
}
