package org.newsline.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Cheap looks at a body's first bytes and at a Content-Type header. */
public final class ContentSniffer {

    private static final int SNIFF_BYTES = 1024;

    private ContentSniffer() {
    }

    /** The media type of a {@code Content-Type} header without parameters, lower case; null if absent. */
    public static String mimeType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter of a {@code Content-Type} header, unquoted; null if absent. */
    public static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String v = p.substring(8).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** The first bytes of {@code body} as lower-case ASCII-ish text, BOM and leading whitespace removed. */
    public static String head(byte[] body) {
        int n = Math.min(body.length, SNIFF_BYTES);
        String s = new String(body, 0, n, StandardCharsets.ISO_8859_1);
        // UTF-8 BOM read as Latin-1; UTF-16 bodies are rare enough for feeds and pages to skip here
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            s = s.substring(3);
        }
        return s.stripLeading().toLowerCase(Locale.ROOT);
    }

    /** True if the body starts like an HTML document. */
    public static boolean looksLikeHtml(byte[] body) {
        String h = skipXmlPreamble(head(body));
        return h.startsWith("<!doctype html") || h.startsWith("<html") || h.startsWith("<head")
                || h.startsWith("<body") || h.startsWith("<meta") || h.startsWith("<title");
    }

    /** {@code text} after leading comments, processing instructions and an XML declaration. */
    public static String skipXmlPreambleOf(String text) {
        return skipXmlPreamble(text);
    }

    /** Skips leading comments and an XML declaration, which HTML pages sometimes carry too. */
    static String skipXmlPreamble(String h) {
        String s = h;
        while (true) {
            if (s.startsWith("<?")) {
                int end = s.indexOf("?>");
                if (end < 0) {
                    return s;
                }
                s = s.substring(end + 2).stripLeading();
            } else if (s.startsWith("<!--")) {
                int end = s.indexOf("-->");
                if (end < 0) {
                    return s;
                }
                s = s.substring(end + 3).stripLeading();
            } else {
                return s;
            }
        }
    }
}
