package org.newsline.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.newsline.cli.replay.warc.ImportCounts;
import org.newsline.cli.replay.warc.WarcArchiveWriter;
import org.newsline.cli.replay.warc.WarcPageReader;
import org.newsline.events.FeedItem;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;

/** Reading WARC files into raw pages: what is imported, and what is counted and skipped. */
class ReplayWarcReaderTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final String HTML = "<html><head><title>T</title></head><body><p>Caf\u00e9 \u201cquoted\u201d text.</p></body></html>";

    @TempDir
    Path dir;

    @Test
    void importsHtmlResponsesAndCountsNonHtmlTruncatedAndMalformedRecords() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        WarcWriter w = new WarcWriter(Channels.newChannel(file), WarcCompression.GZIP);
        w.write(new org.netpreserve.jwarc.Warcinfo.Builder().fields(Map.of("software", List.of("test"))).build());
        w.write(response("http://www.example.org/a?utm_source=x", "text/html; charset=utf-8", HTML, null));
        w.write(response("http://example.org/logo.jpg", "image/jpeg", "\u00ff\u00d8", null));
        w.write(response("http://example.org/cut", "text/html", HTML, WarcTruncationReason.LENGTH));
        file.write(gzip("WARC/1.1\r\nthis line is no header\r\nContent-Length: zzz\r\n\r\n"));
        w.write(response("https://example.org/b", "text/html; charset=iso-8859-1", HTML, null));
        w.write(new WarcRequest.Builder("https://example.org/b")
                .body(new HttpRequest.Builder("GET", "/b").build()).build());
        ByteArrayOutputStream last = new ByteArrayOutputStream();
        new WarcWriter(Channels.newChannel(last), WarcCompression.GZIP)
                .write(response("https://example.org/c", "text/html", HTML, null));
        file.write(last.toByteArray(), 0, last.size() / 2); // the file ends inside this record
        Path warc = dir.resolve("mixed.warc.gz");
        Files.write(warc, file.toByteArray());

        List<RawPage> pages = new ArrayList<>();
        ImportCounts counts = new ImportCounts();
        new WarcPageReader(10 << 20, counts, p -> pages.add(p.toRawPage())).read(warc);

        assertThat(pages).as(counts.toString()).extracting(RawPage::url).containsExactly("http://www.example.org/a?utm_source=x",
                "https://example.org/b");
        RawPage a = pages.get(0);
        assertThat(a.articleId()).isEqualTo(Ids.articleId("https://example.org/a"));
        assertThat(a.body()).isEqualTo(HTML);
        assertThat(a.fetchedAt()).isEqualTo(T0);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.replay()).isFalse();
        // decoded by the header's charset (Latin-1 read as windows-1252, as browsers do)
        assertThat(pages.get(1).charset()).isEqualToIgnoringCase("windows-1252");
        assertThat(pages.get(1).body()).contains("Caf\u00e9");
        assertThat(counts.imported()).isEqualTo(2);
        assertThat(counts.notHtml()).isEqualTo(1);
        assertThat(counts.truncated()).as("WARC-Truncated and the cut-off last record: " + counts).isEqualTo(2);
        assertThat(counts.malformed()).isEqualTo(1);
        assertThat(counts.notResponse()).as("warcinfo and request").isEqualTo(2);
    }

    @Test
    void ourExportReadsBackWithFeedAndItem() throws Exception {
        FeedItem item = new FeedItem("Title", "https://example.org/x", "guid-1", T0, "A. Writer", "Summary");
        RawPage page = new RawPage(1, Ids.articleId("https://example.org/x"), "https://example.org/x",
                "https://example.org/x/final", Ids.feedId("https://example.org/feed.xml"), item, T0, 200,
                Map.of("Content-Type", "text/html; charset=windows-1252", "Content-Encoding", "gzip"), "windows-1252",
                HTML, false);
        Path warc = dir.resolve("ours.warc.gz");
        try (var out = java.nio.channels.FileChannel.open(warc, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); WarcArchiveWriter writer = new WarcArchiveWriter(out)) {
            writer.write(page);
        }
        List<RawPage> pages = new ArrayList<>();
        ImportCounts counts = new ImportCounts();
        new WarcPageReader(10 << 20, counts, p -> pages.add(p.toRawPage())).read(warc);

        assertThat(pages).hasSize(1);
        RawPage back = pages.get(0);
        assertThat(back.articleId()).isEqualTo(page.articleId());
        assertThat(back.body()).isEqualTo(HTML);
        assertThat(back.feedId()).isEqualTo(page.feedId());
        assertThat(back.finalUrl()).isEqualTo(page.finalUrl());
        assertThat(back.item()).isEqualTo(item);
        assertThat(back.fetchedAt()).isEqualTo(T0);
        assertThat(back.headers()).doesNotContainKey("content-encoding");
        assertThat(counts.malformed() + counts.truncated() + counts.notHtml()).isZero();
    }

    private static WarcResponse response(String url, String type, String body, WarcTruncationReason truncated)
            throws IOException {
        byte[] bytes = body.getBytes(type.contains("8859") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), bytes).build();
        WarcResponse.Builder b = new WarcResponse.Builder(url).date(T0).body(http);
        if (truncated != null) {
            b.truncated(truncated);
        }
        return b.build();
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
