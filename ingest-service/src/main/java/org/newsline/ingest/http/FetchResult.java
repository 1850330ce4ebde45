package org.newsline.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One response that {@link HttpFetcher} accepted: a 2xx with its (decoded, size-limited) body, or a 304.
 *
 * @param status      the HTTP status of the final response
 * @param url         the URL that was asked for
 * @param finalUrl    the URL after redirects
 * @param headers     response headers, names in lower case, repeated headers joined with {@code ", "}
 * @param contentType the {@code Content-Type} header, or null
 * @param body        the body after gzip/deflate decoding; empty for a 304
 * @param notModified true for a 304 answer to a conditional GET
 * @param elapsed     time taken, redirects included
 */
public record FetchResult(int status, String url, String finalUrl, Map<String, String> headers,
                          String contentType, byte[] body, boolean notModified, Duration elapsed) {

    public FetchResult {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** True for {@code text/html} and {@code application/xhtml+xml}, or, without a type, a body that looks like HTML. */
    public boolean isHtml() {
        String mime = mimeType();
        if (mime == null || mime.isEmpty()) {
            return ContentSniffer.looksLikeHtml(body);
        }
        return mime.equals("text/html") || mime.equals("application/xhtml+xml");
    }

    /** The media type without parameters, lower case, or null without a {@code Content-Type}. */
    public String mimeType() {
        return ContentSniffer.mimeType(contentType);
    }

    /** The body as text, decoded with {@link #charset()}; malformed bytes become U+FFFD. */
    public String text() {
        return CharsetDetector.decode(body, CharsetDetector.detect(contentType, body).charset());
    }

    /**
     * The body as the UTF-8 bytes of {@link #text()}: the body itself when it is UTF-8 already, so a page goes
     * on to {@code news.raw} without being decoded to a String and encoded back.
     */
    public byte[] utf8Text() {
        return CharsetDetector.toUtf8(body, CharsetDetector.detect(contentType, body).charset());
    }

    /** The charset {@link #text()} uses: HTTP header, BOM, {@code <meta charset>} or XML declaration, detection. */
    public String charset() {
        return CharsetDetector.detect(contentType, body).charset().name().toLowerCase(Locale.ROOT);
    }

    /** The {@code Retry-After} header as a delay from now (seconds or an HTTP date), if present and valid. */
    public Optional<Duration> retryAfter() {
        return RetryAfter.parse(headers.get("retry-after"), Instant.now(Clock.systemUTC()));
    }

    @Override
    public String toString() {
        return "FetchResult[status=" + status + ", finalUrl=" + finalUrl + ", contentType=" + contentType
                + ", bytes=" + body.length + ", notModified=" + notModified + ", elapsed=" + elapsed + "]";
    }
}
