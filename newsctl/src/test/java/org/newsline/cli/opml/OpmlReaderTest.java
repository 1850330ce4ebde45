package org.newsline.cli.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OpmlReaderTest {

    @Test
    void foldersAndCategoriesBecomeTagsOutermostFirst() throws Exception {
        List<OpmlFeed> feeds = read("""
                <opml version="1.0"><head/><body>
                  <outline title="World">
                    <outline text="Europe" title="Europe">
                      <outline text="A" xmlUrl="https://a.example/feed" category="/Politics/EU, Daily ,/Politics/EU"/>
                    </outline>
                    <outline text="B" xmlurl="https://b.example/rss"/>
                  </outline>
                  <outline text="C" xmlUrl=" https://c.example/atom "/>
                  <outline text="not a feed" htmlUrl="https://d.example/"/>
                </body></opml>""");
        assertThat(feeds).extracting(OpmlFeed::xmlUrl)
                .containsExactly("https://a.example/feed", "https://b.example/rss", "https://c.example/atom");
        assertThat(feeds.get(0).tags()).containsExactly("World", "Europe", "Politics/EU", "Daily");
        assertThat(feeds.get(0).title()).isEqualTo("A");
        assertThat(feeds.get(0).line()).isEqualTo(4);
        assertThat(feeds.get(1).tags()).containsExactly("World");
        assertThat(feeds.get(2).tags()).isEmpty();
    }

    @Test
    void tagsAreCutToWhatTheApiAccepts() throws Exception {
        String category = String.join(",", java.util.stream.IntStream.range(0, 80).mapToObj(i -> "t" + i).toList());
        List<OpmlFeed> feeds = read("<opml><body><outline text='" + "x".repeat(300) + "'><outline xmlUrl='https://e.example/f'"
                + " category='" + category + "'/></outline></body></opml>");
        assertThat(feeds.get(0).tags()).hasSize(OpmlReader.MAX_TAGS);
        assertThat(feeds.get(0).tags().get(0)).hasSize(OpmlReader.MAX_TAG_LENGTH);
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsRead() {
        assertThatThrownBy(() -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
                <opml><body><outline text="&xxe;" xmlUrl="https://a.example/f"/></body></opml>"""))
                .isInstanceOf(OpmlException.class).hasMessageContaining("DOCTYPE is not allowed");
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE opml [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        assertThatThrownBy(() -> read(dtd + "<opml><body><outline text=\"&lol9;\" xmlUrl=\"https://a.example/f\"/></body></opml>"))
                .isInstanceOf(OpmlException.class);
    }

    @Test
    void notOpmlOrNotXmlIsAClearError() {
        assertThatThrownBy(() -> read("<rss><channel/></rss>")).isInstanceOf(OpmlException.class)
                .hasMessage("not an OPML file: the root element is <rss>, not <opml>");
        assertThatThrownBy(() -> read("<opml><body><outline xmlUrl='https://a.example/f'></body></opml>"))
                .isInstanceOf(OpmlException.class).hasMessageStartingWith("not well-formed XML: line 1: ");
        assertThatThrownBy(() -> read("")).isInstanceOf(OpmlException.class);
    }

    /**
     * 100,000 feeds from a generator that makes the document as it is read: the first feed must arrive long
     * before the document ends (so nothing is buffered whole) and all of them must arrive quickly.
     */
    @Test
    @Timeout(30)
    void aHundredThousandFeedsStreamThrough() throws Exception {
        int n = 100_000;
        AtomicLong generated = new AtomicLong();
        InputStream doc = generated(n, generated);
        AtomicLong seen = new AtomicLong();
        long[] generatedAtFirst = {-1};
        long count = OpmlReader.read(doc, f -> {
            if (seen.getAndIncrement() == 0) {
                generatedAtFirst[0] = generated.get();
            }
        });
        assertThat(count).isEqualTo(n);
        assertThat(seen.get()).isEqualTo(n);
        assertThat(generatedAtFirst[0]).as("outlines generated when the first feed was handed over").isLessThan(1000);
    }

    @Test
    void whatTheWriterWritesReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OpmlWriter w = new OpmlWriter(out, "mine", ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneOffset.UTC))) {
            w.feed("https://a.example/feed?x=1&y=2", "Quotes \" & <tags>\u0001", List.of("one", "two, three"));
            w.feed("https://b.example/rss", null, List.of());
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">")
                .contains("<dateCreated>Wed, 25 Nov 2026 08:00:00 GMT</dateCreated>");
        List<OpmlFeed> back = new ArrayList<>();
        OpmlReader.read(new ByteArrayInputStream(out.toByteArray()), back::add);
        assertThat(back).containsExactly(
                new OpmlFeed("https://a.example/feed?x=1&y=2", "Quotes \" & <tags>", List.of("one", "two  three"), 8),
                new OpmlFeed("https://b.example/rss", "https://b.example/rss", List.of(), 9));
    }

    private static List<OpmlFeed> read(String xml) throws OpmlException {
        List<OpmlFeed> out = new ArrayList<>();
        OpmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    private static InputStream generated(int n, AtomicLong generated) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            int i = -1;

            @Override
            public boolean hasMoreElements() {
                return i <= n;
            }

            @Override
            public InputStream nextElement() {
                String s;
                if (i == -1) {
                    s = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>big</title></head><body>\n";
                } else if (i == n) {
                    s = "</body></opml>\n";
                } else {
                    generated.incrementAndGet();
                    s = "<outline type=\"rss\" text=\"Feed " + i + "\" xmlUrl=\"https://feeds" + (i % 97)
                            + ".example/" + i + ".xml\" category=\"/c" + (i % 7) + "\"/>\n";
                }
                i++;
                return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
