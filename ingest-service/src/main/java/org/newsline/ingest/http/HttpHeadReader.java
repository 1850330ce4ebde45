package org.newsline.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads an HTTP/1.x status line and header block with limits on line length, count and total size. */
final class HttpHeadReader {

    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 200;

    /** The status and headers of a response (header names lower case, repeated headers joined). */
    record Head(int status, Map<String, String> headers) {
    }

    private HttpHeadReader() {
    }

    static Head read(InputStream in, String url) throws IOException {
        String statusLine = readLine(in, url);
        if (statusLine == null) {
            throw new FetchException(FetchException.Kind.PROTOCOL, url, "connection closed before a response");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new FetchException(FetchException.Kind.PROTOCOL, url,
                    "not an HTTP/1.x status line: " + abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, url, "bad status code: " + abbreviate(statusLine));
        }
        if (status < 100 || status > 599) {
            throw new FetchException(FetchException.Kind.PROTOCOL, url, "bad status code " + status);
        }
        Map<String, String> headers = new TreeMap<>();
        for (int i = 0; ; i++) {
            if (i > MAX_HEADERS) {
                throw new FetchException(FetchException.Kind.PROTOCOL, url, "more than " + MAX_HEADERS + " headers");
            }
            String line = readLine(in, url);
            if (line == null) {
                throw new FetchException(FetchException.Kind.PROTOCOL, url, "connection closed inside the headers");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;   // obsolete line folding or junk: skip rather than fail the whole response
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return new Head(status, headers);
    }

    /** One line without its CR LF (a bare LF is accepted), or null at end of stream before any byte. */
    static String readLine(InputStream in, String url) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new FetchException(FetchException.Kind.PROTOCOL, url, "header line longer than " + MAX_LINE);
            }
            line.write(c);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new FetchException(FetchException.Kind.PROTOCOL, url, "connection closed inside a line");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
