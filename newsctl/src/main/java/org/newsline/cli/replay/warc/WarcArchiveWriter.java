package org.newsline.cli.replay.warc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.newsline.events.EventCodec;
import org.newsline.events.RawPage;

/**
 * Writes archived raw pages as WARC 1.1, gzip per record: a warcinfo record first, then per page a response
 * record (target URI: the URL the article was found at, so that an import gives the same {@code articleId};
 * WARC-Date: the fetch time; the HTTP status and headers as fetched; the body as UTF-8) and a metadata
 * record concurrent to it with the feed, the final URL and the feed item. The body is the decoded text the
 * archive keeps, so the headers that described the bytes on the wire (Content-Encoding, Transfer-Encoding,
 * Content-Length) are dropped and Content-Type says UTF-8.
 */
public final class WarcArchiveWriter implements AutoCloseable {

    private static final Set<String> WIRE_HEADERS = Set.of("content-encoding", "transfer-encoding",
            "content-length", "content-type");

    private final WarcWriter writer;

    public WarcArchiveWriter(java.nio.channels.WritableByteChannel out) throws IOException {
        this.writer = new WarcWriter(out, org.netpreserve.jwarc.WarcCompression.GZIP);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("Newsline newsctl archive export"));
        fields.put("format", List.of("WARC File Format 1.1"));
        writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).fields(fields).build());
    }

    public void write(RawPage page) throws IOException {
        byte[] body = (page.body() == null ? "" : page.body()).getBytes(StandardCharsets.UTF_8);
        HttpResponse.Builder http = new HttpResponse.Builder(page.status(), reason(page.status()));
        String contentType = "text/html";
        for (Map.Entry<String, String> h : page.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-type")) {
                contentType = h.getValue();
            }
            if (!WIRE_HEADERS.contains(name)) {
                http.addHeader(h.getKey(), h.getValue());
            }
        }
        MediaType type = MediaType.parseLeniently(contentType).base();
        MediaType utf8 = MediaType.parse(type + ";charset=utf-8");
        http.body(utf8, body);
        URI responseId = URI.create("urn:uuid:" + UUID.randomUUID());
        WarcResponse response = new WarcResponse.Builder(page.url())
                .version(MessageVersion.WARC_1_1)
                .recordId(responseId)
                .date(page.fetchedAt())
                .body(http.build())
                .build();
        writer.write(response);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("articleId", List.of(page.articleId()));
        if (page.feedId() != null) {
            fields.put("feedId", List.of(page.feedId()));
        }
        if (page.finalUrl() != null) {
            fields.put("finalUrl", List.of(page.finalUrl()));
        }
        if (page.charset() != null) {
            fields.put("originalCharset", List.of(page.charset()));
        }
        if (page.item() != null) {
            fields.put("item", List.of(EventCodec.encodeToString(page.item())));
        }
        writer.write(new WarcMetadata.Builder()
                .version(MessageVersion.WARC_1_1)
                .targetURI(page.url())
                .date(page.fetchedAt())
                .concurrentTo(responseId)
                .fields(fields)
                .build());
    }

    private static String reason(int status) {
        return status == 200 ? "OK" : "Status " + status;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
