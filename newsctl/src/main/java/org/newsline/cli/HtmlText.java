package org.newsline.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
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

    private HtmlText() {
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient; // no replacement character: the bytes were valid UTF-8 (the common case, decoded once)
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
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
    }
}
