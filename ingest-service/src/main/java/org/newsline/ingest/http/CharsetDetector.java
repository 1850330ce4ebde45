package org.newsline.ingest.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the charset of a body: the HTTP header, then a byte order mark, then {@code <meta charset>} or the XML
 * declaration, then detection (valid UTF-8, else windows-1252). Labels are read the way browsers read them:
 * ISO-8859-1 and US-ASCII mean windows-1252, which is a superset of both.
 */
public final class CharsetDetector {

    /** Where the charset came from. */
    public enum Source { HEADER, BOM, DECLARATION, DETECTED, CORRECTED }

    /**
     * A chosen charset and where it came from; for {@link Source#CORRECTED}, {@code declared} is the label the
     * header or document gave and the bytes contradicted.
     */
    public record Detection(Charset charset, Source source, String declared) {
        public Detection(Charset charset, Source source) {
            this(charset, source, null);
        }
    }

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([a-z0-9_:.\\-]+)[\"']", Pattern.CASE_INSENSITIVE);

    private CharsetDetector() {
    }

    /** The charset of {@code body} served with {@code contentType} (which may be null). */
    public static Detection detect(String contentType, byte[] body) {
        Charset header = lookup(ContentSniffer.charsetParameter(contentType));
        if (header != null) {
            return checked(new Detection(header, Source.HEADER), body);
        }
        Charset bom = bomCharset(body);
        if (bom != null) {
            return new Detection(bom, Source.BOM);
        }
        Charset declared = declaredCharset(body);
        if (declared != null) {
            return checked(new Detection(declared, Source.DECLARATION), body);
        }
        Utf8Scan scan = Utf8Scan.of(body);
        return new Detection(scan.isValid() || scan.isMostlyUtf8() ? StandardCharsets.UTF_8 : WINDOWS_1252,
                Source.DETECTED);
    }

    /**
     * The declared charset unless the bytes prove the label wrong, the two mislabels that happen in practice:
     * "UTF-8" on windows-1252 bytes, and "ISO-8859-1"/"windows-1252" on UTF-8 bytes.
     */
    private static Detection checked(Detection d, byte[] body) {
        boolean utf8 = d.charset().equals(StandardCharsets.UTF_8);
        boolean latin = d.charset().equals(WINDOWS_1252) || d.charset().name().equalsIgnoreCase("ISO-8859-15");
        if (!utf8 && !latin) {
            return d;
        }
        Utf8Scan scan = Utf8Scan.of(body);
        if (utf8 && !scan.isValid() && !scan.isMostlyUtf8()) {
            return new Detection(WINDOWS_1252, Source.CORRECTED, d.charset().name());
        }
        if (latin && scan.isValid() && scan.multiByteSequences() > 0) {
            return new Detection(StandardCharsets.UTF_8, Source.CORRECTED, d.charset().name());
        }
        return d;
    }

    /** The charset named by a byte order mark, or null. */
    public static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The charset of an XML declaration's {@code encoding} or an HTML {@code <meta charset>}, or null. */
    public static Charset declaredCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3);
        }
        Matcher xml = XML_ENCODING.matcher(head);
        Charset cs = xml.find() ? lookup(xml.group(1)) : null;
        if (cs == null) {
            Matcher meta = META_CHARSET.matcher(head);
            cs = meta.find() ? lookup(meta.group(1)) : null;
        }
        // a document we could read as ASCII cannot really be UTF-16; the declaration is wrong (HTML spec says UTF-8)
        if (cs != null && cs.name().startsWith("UTF-16")) {
            return StandardCharsets.UTF_8;
        }
        return cs;
    }

    /** The charset called {@code label}, read as browsers do, or null if unknown. */
    public static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.equals("iso-8859-1") || l.equals("latin1") || l.equals("iso8859-1") || l.equals("us-ascii")
                || l.equals("ascii") || l.equals("iso_8859-1") || l.equals("cp1252")) {
            return WINDOWS_1252;
        }
        if (l.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** {@code body} decoded with {@code charset}, malformed input replaced by U+FFFD, a leading BOM dropped. */
    public static String decode(byte[] body, Charset charset) {
        String s = new String(body, charset);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /**
     * The UTF-8 bytes of {@link #decode decode(body, charset)}: {@code body} itself when it is UTF-8 already
     * (well-formed, no byte order mark), so the common case costs one scan and no copy; else decoded and
     * encoded again.
     */
    public static byte[] toUtf8(byte[] body, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && Utf8Scan.of(body).isValid()) {
            return bomCharset(body) == null ? body : java.util.Arrays.copyOfRange(body, 3, body.length);
        }
        return decode(body, charset).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code body} decoded strictly, or null if it is not valid in {@code charset}. */
    public static String decodeStrict(byte[] body, Charset charset) {
        try {
            String s = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
