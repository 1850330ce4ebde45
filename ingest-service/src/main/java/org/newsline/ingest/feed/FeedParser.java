package org.newsline.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.newsline.events.FeedItem;
import org.newsline.ingest.http.CharsetDetector;
import org.newsline.ingest.http.ContentSniffer;
import org.newsline.ingest.http.Utf8Scan;

/**
 * Reads a feed body into a {@link ParsedFeed}: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through Rome, JSON Feed 1.0/1.1
 * through Jackson. Common defects (a wrong charset, undeclared entities, a bare {@code &}, junk before the XML
 * declaration, unreadable or future dates) are repaired or ignored and listed in {@link ParsedFeed#defects()};
 * only a body that is no feed at all is a {@link FeedParseException}. DOCTYPEs are removed before parsing, so
 * declared entities are never expanded and nothing external is ever read. Thread-safe.
 */
public final class FeedParser {

    /** Dates up to this far ahead are clock skew, not a defect. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final Clock clock;

    public FeedParser() {
        this(Clock.systemUTC());
    }

    /** A parser that judges "in the future" by {@code clock}. */
    public FeedParser(Clock clock) {
        this.clock = clock;
    }

    /**
     * Parses {@code body}.
     *
     * @param contentType the HTTP {@code Content-Type} (its charset is used) or null
     * @param feedUrl     the URL the feed was fetched from (after redirects); relative links resolve against it
     * @throws FeedParseException if the body is not a feed: HTML, empty, binary, malformed beyond repair
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("not a feed: empty body");
        }
        DefectLog defects = new DefectLog();
        ParsedFeed feed = read(body, contentType, feedUrl, defects);
        List<FeedItem> items = ItemLimits.apply(feed.items(), defects);
        return new ParsedFeed(feed.title(), feed.siteUrl(), items, feed.ttlHint(), defects.toList());
    }

    private ParsedFeed read(byte[] body, String contentType, String feedUrl, DefectLog defects)
            throws FeedParseException {
        String text = decode(body, contentType, defects);
        String start = ContentSniffer.skipXmlPreambleOf(text.stripLeading().replaceFirst("^\uFEFF", "").stripLeading());
        String lower = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
        if (lower.startsWith("{")) {
            return new JsonFeedReader(clock.instant()).read(text, feedUrl, defects);
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<head")
                || lower.startsWith("<body")) {
            throw new FeedParseException("not a feed: HTML page");
        }
        if (!lower.startsWith("<")) {
            String mime = ContentSniffer.mimeType(contentType);
            throw new FeedParseException("not a feed: " + (lower.startsWith("%pdf") ? "PDF document"
                    : "content that is neither XML nor JSON" + (mime == null ? "" : " (" + mime + ")")));
        }
        String xml = FeedXmlRepair.repair(text, defects);
        try {
            return new XmlFeedReader(clock.instant()).read(xml, feedUrl, defects);
        } catch (FeedParseException e) {
            // an HTML page that does not start like one (a <meta> or <div> first) fails as XML; say what it is
            if ("text/html".equals(ContentSniffer.mimeType(contentType)) || lower.startsWith("<meta")
                    || lower.startsWith("<div") || lower.startsWith("<script") || lower.startsWith("<title")
                    || lower.startsWith("<p>") || lower.startsWith("<link rel")) {
                throw new FeedParseException("not a feed: HTML page", e);
            }
            throw e;
        }
    }

    /**
     * The body as text. The declared charset (HTTP header, BOM, XML declaration) is used unless the bytes prove it
     * wrong: a declared UTF-8 that is not UTF-8, or a declared Latin-1 that is clearly UTF-8.
     */
    static String decode(byte[] body, String contentType, DefectLog defects) {
        Charset bom = CharsetDetector.bomCharset(body);
        if (bom != null) {
            return CharsetDetector.decode(body, bom);
        }
        String headerLabel = ContentSniffer.charsetParameter(contentType);
        Charset header = CharsetDetector.lookup(headerLabel);
        Charset declaration = CharsetDetector.declaredCharset(body);
        if (headerLabel != null && header == null) {
            defects.add("unknown charset in Content-Type ignored", headerLabel);
        }
        Charset declared = header != null ? header : declaration;
        Utf8Scan scan = Utf8Scan.of(body);
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            if (scan.isValid()) {
                return CharsetDetector.decode(body, StandardCharsets.UTF_8);
            }
            String what = declared == null ? "no charset declared" : "declared charset UTF-8";
            if (scan.isMostlyUtf8()) {
                defects.add("invalid UTF-8 bytes replaced", scan.malformedBytes() + " bytes");
                return CharsetDetector.decode(body, StandardCharsets.UTF_8);
            }
            defects.add("wrong charset: " + what + " but the body is not UTF-8; read as windows-1252");
            return CharsetDetector.decode(body, CharsetDetector.WINDOWS_1252);
        }
        if (isSingleByteLatin(declared) && scan.isValid() && scan.multiByteSequences() > 0) {
            defects.add("wrong charset: declared " + declared.name() + " but the body is UTF-8; read as UTF-8");
            return CharsetDetector.decode(body, StandardCharsets.UTF_8);
        }
        String strict = CharsetDetector.decodeStrict(body, declared);
        if (strict != null) {
            return strict;
        }
        if (scan.isValid()) {
            defects.add("wrong charset: declared " + declared.name() + " but the body is UTF-8; read as UTF-8");
            return CharsetDetector.decode(body, StandardCharsets.UTF_8);
        }
        defects.add("bytes invalid in the declared charset replaced", declared.name());
        return CharsetDetector.decode(body, declared);
    }

    private static boolean isSingleByteLatin(Charset cs) {
        String n = cs.name().toLowerCase(Locale.ROOT);
        return n.equals("windows-1252") || n.equals("iso-8859-1") || n.equals("iso-8859-15") || n.equals("us-ascii");
    }
}
