package org.newsline.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.newsline.events.FeedItem;

/**
 * Fuzzes {@link FeedParser#parse}: any bytes give a feed within its invariants or a {@link FeedParseException}
 * with a message, never another exception. Its seeds and findings, in the test resources under
 * {@code org/newsline/ingest/feed/FeedParserFuzzTestInputs}, replay in every test run; README, "Fuzzing", says how
 * to fuzz.
 */
class FeedParserFuzzTest {

    private static final String FEED_URL = "https://news.example.com/feeds/all.xml";
    /** The Content-Type sent with a body: none, plain, right, wrong and unknown charsets. */
    private static final List<String> CONTENT_TYPES = List.of("", "application/rss+xml",
            "text/xml; charset=utf-8", "application/atom+xml; charset=iso-8859-1", "text/html; charset=windows-1252",
            "application/json; charset=utf-16", "application/xml; charset=x-no-such-charset");

    private final FeedParser parser = new FeedParser(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"),
            ZoneOffset.UTC));

    @DictionaryEntries({"<?xml version=\"1.0\" encoding=\"", "<!DOCTYPE", "<rss version=\"2.0\">", "<channel>",
            "<item>", "<link>", "<guid isPermaLink=\"false\">", "<pubDate>", "<enclosure url=\"",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "<link rel=\"alternate\" href=\"", "xml:base=\"",
            "<![CDATA[", "&amp;", "&#x", "\"items\":[", "\"url\":\"", "\"date_published\":\"", "https://", "//"})
    @FuzzTest(maxDuration = "30s")
    void parsesOrSaysWhy(byte[] body) {
        // the Content-Type follows from the body, so that a finding reproduces from its bytes alone
        String contentType = CONTENT_TYPES.get(body.length % CONTENT_TYPES.size());
        ParsedFeed feed;
        try {
            feed = parser.parse(body, contentType.isEmpty() ? null : contentType, FEED_URL);
        } catch (FeedParseException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(feed.siteUrl()).satisfiesAnyOf(s -> assertThat(s).isNull(),
                s -> assertThat(FeedUrls.isHttp(s)).as("site URL %s", s).isTrue());
        assertThat(feed.ttlHint()).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t.isNegative()).as("ttl %s", t).isFalse());
        assertThat(feed.defects()).allSatisfy(d -> assertThat(d).isNotBlank());
        for (FeedItem item : feed.items()) {
            assertThat(item).isNotNull();
            if (item.link() != null) {
                assertThat(FeedUrls.isHttp(item.link())).as("item link %s", item.link()).isTrue();
                assertThat(item.link()).hasSizeLessThanOrEqualTo(ItemLimits.MAX_LINK);
            }
            assertWithin(item.title(), ItemLimits.MAX_TITLE);
            assertWithin(item.summary(), ItemLimits.MAX_SUMMARY);
            assertWithin(item.author(), ItemLimits.MAX_AUTHOR);
            assertWithin(item.guid(), ItemLimits.MAX_GUID);
        }
    }

    /** Not longer than the limit, and a cut never leaves half a surrogate pair at the end. */
    private static void assertWithin(String field, int max) {
        if (field == null) {
            return;
        }
        assertThat(field.length()).isLessThanOrEqualTo(max);
        if (field.length() == max - 1 || field.length() == max) {
            assertThat(Character.isHighSurrogate(field.charAt(field.length() - 1))).as("cut inside a pair").isFalse();
        }
    }
}
