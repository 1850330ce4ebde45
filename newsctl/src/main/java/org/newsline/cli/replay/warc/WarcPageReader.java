package org.newsline.cli.replay.warc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.newsline.events.Event;
import org.newsline.events.FeedItem;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.RawPageUtf8;
import org.newsline.ingest.http.CharsetDetector;

/**
 * Reads WARC files (plain or gzip per record; ours or Common Crawl's CC-NEWS) into raw pages: every HTML
 * response record becomes one {@link RawPage} (its body as UTF-8 bytes) with {@code articleId} from its target URI; everything else is
 * counted and skipped. Nothing touches the network: the page is what the record holds. Records stream one at
 * a time (a body is read whole only up to {@code maxBody}), so file size does not matter. After a record that
 * cannot be parsed the reader skips to the next record start (gzip member or {@code WARC/} line) and goes on.
 * A metadata record that follows our own response record ({@link WarcArchiveWriter}) adds the feed and the
 * feed item back.
 */
public final class WarcPageReader {

    private final long maxBody;
    private final ImportCounts counts;
    private final PageSink sink;
    private RawPageUtf8 pending;
    private String pendingRecordId;

    public WarcPageReader(long maxBody, ImportCounts counts, PageSink sink) {
        this.maxBody = maxBody;
        this.counts = counts;
        this.sink = sink;
    }

    /** Imports one file; sink failures propagate. */
    public void read(Path file) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            fileBase = counts.bytesRead;
            lastRecordStart = -1;
            long start = 0;
            long lastGood = -1;
            boolean badStretch = false; // records failed since the last good one: one bad record, however
                                        // often a resync lands inside it
            while (start >= 0 && start < size) {
                channel.position(start);
                long failedAt;
                try {
                    // not closed: closing a WarcReader closes the channel, which the next reader goes on with
                    WarcReader reader = new WarcReader(channel);
                    reader.setLenient(true);
                    failedAt = readAll(reader, channel, start);
                } catch (IOException | RuntimeException e) {
                    failedAt = start; // not even the first record parsed
                }
                if (lastRecordStart > lastGood) {
                    lastGood = lastRecordStart;
                    if (badStretch) {
                        counts.malformed++; // a good record followed it: it was malformed, not cut short
                        badStretch = false;
                    }
                }
                if (failedAt < 0) {
                    break; // clean end of file
                }
                badStretch = true;
                start = nextRecordStart(channel, Math.max(failedAt, start) + 1, gzip(channel));
            }
            if (badStretch) {
                counts.truncated++; // the file ends inside a record
            }
            counts.bytesRead = fileBase + size;
        }
        flushPending();
    }

    private long lastRecordStart = -1;
    private long fileBase;

    /** Reads records until the end (returns -1) or a parse failure (returns where the bad record started). */
    private long readAll(WarcReader reader, FileChannel channel, long start) throws Exception {
        long expectedStart = start; // not channel.position(): the reader reads ahead
        while (true) {
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (IOException | RuntimeException e) {
                return Math.max(expectedStart, lastRecordStart + 1);
            }
            if (next.isEmpty()) {
                return -1;
            }
            WarcRecord record = next.get();
            lastRecordStart = record.position();
            counts.records++;
            try {
                handle(record);
            } catch (EOFException e) {
                counts.truncated++;
                return -1; // the file ends inside this record
            } catch (IOException | RuntimeException e) {
                if (e instanceof SinkFailure f) {
                    throw f.cause;
                }
                counts.malformed++;
            }
            expectedStart = lastRecordStart + 1;
            counts.bytesRead = fileBase + lastRecordStart;
        }
    }

    private void handle(WarcRecord record) throws Exception {
        if (record instanceof WarcMetadata metadata && pending != null
                && metadata.concurrentTo().stream().anyMatch(u -> u.toString().equals(pendingRecordId))) {
            pending = withMetadata(pending, metadata);
            flushPending();
            return;
        }
        flushPending();
        if (!(record instanceof WarcResponse response)) {
            counts.notResponse++;
            return;
        }
        if (response.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
            counts.truncated++;
            return;
        }
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException e) {
            counts.malformed++;
            return;
        }
        MediaType type = http.contentType();
        String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
        if (http.status() < 200 || http.status() > 299
                || !(base.equals("text/html") || base.equals("application/xhtml+xml"))) {
            counts.notHtml++;
            return;
        }
        String target = response.target();
        String articleId;
        try {
            articleId = Ids.articleId(target);
        } catch (IllegalArgumentException e) { // InvalidUrlException among others
            counts.malformed++;
            return;
        }
        byte[] body = readBody(http.bodyDecoded());
        if (body == null) {
            counts.truncated++;
            return;
        }
        String contentType = type == null ? null : type.toString();
        Charset charset = CharsetDetector.detect(contentType, body).charset();
        Map<String, String> headers = new LinkedHashMap<>();
        http.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        Instant fetched = response.date() == null ? Instant.now() : response.date();
        // UTF-8 bodies (nearly all) go on as the bytes they are: no String to decode and encode again
        pending = new RawPageUtf8(new RawPage(Event.SCHEMA_VERSION, articleId, target, target, null, null, fetched,
                http.status(), headers, charset.name(), null, false), CharsetDetector.toUtf8(body, charset));
        pendingRecordId = response.id().toString();
    }

    /** The whole body, or null when it is over {@code maxBody}; an EOFException when the record ends early. */
    private byte[] readBody(MessageBody body) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (true) {
            buf.clear();
            int n = body.read(buf);
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buf.array(), 0, n);
            if (out.size() > maxBody) {
                return null;
            }
        }
    }

    private static RawPageUtf8 withMetadata(RawPageUtf8 pending, WarcMetadata metadata) throws IOException {
        RawPage p = pending.page();
        Map<String, List<String>> fields = metadata.fields().map();
        String feedId = first(fields, "feedId");
        String finalUrl = first(fields, "finalUrl");
        String item = first(fields, "item");
        FeedItem feedItem = item == null ? null
                : org.newsline.events.EventCodec.mapper().readValue(item, FeedItem.class);
        return new RawPageUtf8(new RawPage(p.schemaVersion(), p.articleId(), p.url(),
                finalUrl == null ? p.finalUrl() : finalUrl, feedId, feedItem, p.fetchedAt(), p.status(), p.headers(),
                p.charset(), null, false), pending.body());
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0);
    }

    private void flushPending() throws Exception {
        if (pending == null) {
            return;
        }
        RawPageUtf8 p = pending;
        pending = null;
        try {
            sink.accept(p);
        } catch (Exception e) {
            throw new SinkFailure(e);
        }
        counts.imported++;
    }

    /** Carries a failure of the sink through the record loop, which otherwise counts errors as malformed. */
    private static final class SinkFailure extends RuntimeException {
        final Exception cause;

        SinkFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static boolean gzip(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(2);
        channel.read(head, 0);
        return head.position() == 2 && (head.get(0) & 0xff) == 0x1f && (head.get(1) & 0xff) == 0x8b;
    }

    /** The offset of the next gzip member or {@code WARC/} line at or after {@code from}; -1 if none. */
    static long nextRecordStart(FileChannel channel, long from, boolean gzip) throws IOException {
        byte[] magic = gzip ? new byte[] {0x1f, (byte) 0x8b, 0x08} : "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = from;
        long size = channel.size();
        while (pos < size) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                return -1;
            }
            byte[] a = buf.array();
            for (int i = 0; i + magic.length <= n; i++) {
                boolean match = true;
                for (int j = 0; j < magic.length && match; j++) {
                    match = a[i + j] == magic[j];
                }
                if (match && (gzip || pos + i == 0 || (i > 0 && a[i - 1] == '\n'))) {
                    return pos + i;
                }
            }
            if (n < magic.length) {
                return -1;
            }
            pos += n - magic.length + 1;
        }
        return -1;
    }
}
