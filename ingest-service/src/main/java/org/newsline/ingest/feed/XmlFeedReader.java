package org.newsline.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.newsline.events.FeedItem;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0. The repaired text is parsed by a SAX parser with DOCTYPEs refused and
 * external entities off; Rome maps the document to titles, authors ({@code dc:creator}), summaries and
 * {@code content:encoded}. Links, ids and dates are read from the document here, because Rome resolves relative
 * links against its own guess of the base rather than {@code xml:base} and the feed URL, and parses fewer date
 * forms than feeds use.
 */
final class XmlFeedReader {

    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Namespace SY = Namespace.getNamespace("http://purl.org/rss/1.0/modules/syndication/");
    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    private static final Set<String> ROME_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
    private static final int MAX_TITLE = 2_000;

    private final Instant now;

    XmlFeedReader(Instant now) {
        this.now = now;
    }

    ParsedFeed read(String xml, String feedUrl, DefectLog defects) throws FeedParseException {
        Document doc;
        try {
            doc = parseXml(xml);
        } catch (FeedParseException strict) {
            // a truncated feed is not read leniently: its last item could carry half a link
            if (!LenientXml.isComplete(xml)) {
                throw new FeedParseException(strict.getMessage() + " (the document is truncated)", strict);
            }
            // not well-formed even after the repairs: let jsoup's forgiving XML parser rebuild the tree, then read
            // that; if even this fails, the first error is the one worth reporting
            String rebuilt = LenientXml.rebuild(xml);
            try {
                doc = parseXml(rebuilt);
            } catch (FeedParseException again) {
                throw strict;
            }
            defects.add("malformed XML read leniently", strict.getMessage());
        }
        Element root = doc.getRootElement();
        String rootName = root.getName().toLowerCase(Locale.ROOT);
        if (rootName.equals("html")) {
            throw new FeedParseException("not a feed: HTML page");
        }
        boolean atom = rootName.equals("feed");
        if (!atom && !rootName.equals("rss") && !rootName.equals("rdf")) {
            throw new FeedParseException("not a feed: XML with root element <" + root.getQualifiedName() + ">");
        }
        if (rootName.equals("rss")) {
            normalizeRssVersion(root, defects);
        }
        List<Element> itemElements = atom ? children(root, "entry") : rssItems(root);
        String feedBase = FeedUrls.resolve(feedUrl, xmlBase(root, feedUrl));
        List<ItemDom> fromDocument = new ArrayList<>(itemElements.size());
        for (int i = 0; i < itemElements.size(); i++) {
            fromDocument.add(readItem(itemElements.get(i), atom, feedUrl, i + 1, defects));
        }
        SyndFeed feed = rome(doc);
        List<SyndEntry> entries = feed.getEntries();
        if (itemElements.size() != entries.size()) {
            defects.add("items and entries disagree; links taken from Rome, dates dropped",
                    itemElements.size() + " vs " + entries.size());
            fromDocument = null;
        }
        // RFC 4287 4.2.1: an Atom entry without an author has the feed's
        String feedAuthor = atom ? clean(text(first(first(root, "author"), "name"))) : null;
        List<FeedItem> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            FeedItem item = item(entries.get(i), fromDocument == null ? null : fromDocument.get(i), feedUrl, i + 1,
                    defects);
            if (item.author() == null && feedAuthor != null) {
                item = new FeedItem(item.title(), item.link(), item.guid(), item.published(), feedAuthor,
                        item.summary());
            }
            items.add(item);
        }
        Element channel = atom ? root : first(root, "channel");
        // the site link from the document, as for items: Rome may pick the self link or resolve it elsewhere
        String site = atom ? atomLink(root, feedBase)
                : FeedUrls.resolve(feedBase, text(channel == null ? null : first(channel, "link")));
        if (site == null) {
            site = FeedUrls.resolve(feedBase, feed.getLink());
        }
        return new ParsedFeed(clean(feed.getTitle()), FeedUrls.isHttp(site) ? site : null, items,
                ttlHint(channel == null ? root : channel, root), defects.toList());
    }

    /** One configured parser per thread: building a SAX parser costs more than parsing a small feed. */
    private static final ThreadLocal<SAXBuilder> BUILDER = ThreadLocal.withInitial(XmlFeedReader::secureBuilder);

    private static Document parseXml(String xml) throws FeedParseException {
        SAXBuilder builder = BUILDER.get();
        try {
            return builder.build(new StringReader(xml));
        } catch (org.jdom2.input.JDOMParseException e) {
            throw new FeedParseException("malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + rootMessage(e), e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("malformed XML: " + rootMessage(e), e);
        }
    }

    private static SAXBuilder secureBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        // the repair removed any DOCTYPE; refusing one here as well means a DOCTYPE the repair missed fails loudly
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new org.xml.sax.SAXException("external entity refused: " + systemId);
        });
        builder.setReuseParser(true);
        return builder;
    }

    private static SyndFeed rome(Document doc) throws FeedParseException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        try {
            return input.build(doc);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not a feed Rome can read: " + rootMessage(e), e);
        }
    }

    /** What the document says about one item, read before Rome sees it. */
    private record ItemDom(String guid, String link, Instant published, String creator) {
    }

    /**
     * Reads link, id, date and creator of an item from the document, then removes its date elements: Rome would
     * parse them again with a dozen SimpleDateFormat masks each, which costs more than everything else together.
     */
    private ItemDom readItem(Element e, boolean atom, String feedUrl, int index, DefectLog defects) {
        String base = FeedUrls.resolve(feedUrl, xmlBase(e, feedUrl));
        String guid = atom ? text(first(e, "id")) : rssGuid(e);
        String link = atom ? atomLink(e, base) : rssLink(e, base);
        if (link == null) {
            link = enclosureLink(e, base);   // a podcast item may have nothing but its media file
        }
        Instant published = date(e, atom);
        if (published == null && hasDateElement(e, atom)) {
            defects.add("unreadable date; item kept without date", "item " + index + ": " + abbreviate(rawDate(e, atom)));
        }
        String creator = text(first(e, "creator", DC));
        e.getChildren().removeIf(c -> dateElements(atom).contains(c.getName()));
        return new ItemDom(guid, link, published, creator);
    }

    private FeedItem item(SyndEntry entry, ItemDom dom, String feedUrl, int index, DefectLog defects) {
        String guid = dom == null ? entry.getUri() : dom.guid();
        String link = dom == null ? FeedUrls.resolve(feedUrl, entry.getLink()) : dom.link();
        if (link == null && dom == null) {
            link = enclosureLink(entry, feedUrl);
        }
        if (link != null && !FeedUrls.isHttp(link)) {
            defects.add("item link is not http(s); ignored", "item " + index + ": " + abbreviate(link));
            link = null;
        }
        if (link == null && guid != null && FeedUrls.isHttp(guid.strip())) {
            link = guid.strip();   // RSS guid with isPermaLink (the default) is the item's URL
        }
        Instant published = dom == null ? null : dom.published();
        if (published != null && published.isAfter(now.plus(FeedParser.FUTURE_TOLERANCE))) {
            defects.add("date in the future kept", "item " + index + ": " + published);
        }
        String author = clean(entry.getAuthor());
        if (author == null && dom != null) {
            author = clean(dom.creator());
        }
        return new FeedItem(title(entry), link, blankToNull(guid), published, author, summary(entry));
    }

    private static String title(SyndEntry entry) {
        String t = clean(entry.getTitle());
        return t != null && t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) : t;
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue().strip();
        }
        // content:encoded and Atom content, for feeds that give no separate summary
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return c.getValue().strip();
            }
        }
        return null;
    }

    private static String enclosureLink(SyndEntry entry, String base) {
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            String url = FeedUrls.resolve(base, enclosure.getUrl());
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    private static String enclosureLink(Element item, String base) {
        for (Element c : item.getChildren()) {
            if (c.getName().equals("enclosure") && c.getAttributeValue("url") != null) {
                return FeedUrls.resolve(base, c.getAttributeValue("url"));
            }
            if (c.getName().equals("link") && "enclosure".equals(c.getAttributeValue("rel"))
                    && c.getAttributeValue("href") != null) {
                return FeedUrls.resolve(base, c.getAttributeValue("href"));
            }
        }
        return null;
    }

    private static String rssGuid(Element item) {
        String guid = text(first(item, "guid"));
        if (guid == null) {
            Attribute about = item.getAttribute("about", RDF);
            guid = about == null ? null : about.getValue();
        }
        return guid;
    }

    private static String rssLink(Element item, String base) {
        String link = text(first(item, "link"));
        if (link == null) {
            Element guid = first(item, "guid");
            if (guid != null && !"false".equalsIgnoreCase(guid.getAttributeValue("isPermaLink"))) {
                link = text(guid);
            }
        }
        return FeedUrls.resolve(base, link);
    }

    /** The entry's {@code alternate} link (HTML preferred), resolved against its {@code xml:base}. */
    private static String atomLink(Element entry, String base) {
        String best = null;
        for (Element l : entry.getChildren()) {
            if (!l.getName().equals("link")) {
                continue;
            }
            String rel = l.getAttributeValue("rel");
            String href = l.getAttributeValue("href");
            if (href == null) {
                continue;
            }
            if (rel == null || rel.equals("alternate")) {
                String linkBase = xmlBaseOf(l) == null ? base : FeedUrls.resolve(base, xmlBaseOf(l));
                String resolved = FeedUrls.resolve(linkBase, href);
                String type = l.getAttributeValue("type");
                if (type == null || type.contains("html")) {
                    return resolved;
                }
                best = best == null ? resolved : best;
            }
        }
        return best;
    }

    private static Instant date(Element e, boolean atom) {
        for (String name : dateElements(atom)) {
            for (Element d : e.getChildren()) {
                if (d.getName().equals(name)) {
                    Instant t = FeedDateParser.parse(d.getTextTrim());
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    private static boolean hasDateElement(Element e, boolean atom) {
        return rawDate(e, atom) != null;
    }

    private static String rawDate(Element e, boolean atom) {
        for (String name : dateElements(atom)) {
            for (Element d : e.getChildren()) {
                if (d.getName().equals(name) && !d.getTextTrim().isEmpty()) {
                    return d.getTextTrim();
                }
            }
        }
        return null;
    }

    private static List<String> dateElements(boolean atom) {
        // a publication date before a modification date; "date" is dc:date
        return atom ? List.of("published", "issued", "created", "updated", "modified", "date")
                : List.of("pubDate", "date", "published", "updated", "issued", "modified");
    }

    /** The feed's polling hint: RSS {@code ttl} (minutes) or {@code sy:updatePeriod}/{@code sy:updateFrequency}. */
    private static Duration ttlHint(Element channel, Element root) {
        Duration ttl = null;
        String minutes = text(first(channel, "ttl"));
        if (minutes != null && minutes.matches("\\d{1,7}")) {
            ttl = Duration.ofMinutes(Long.parseLong(minutes));
        }
        Element period = first(channel, "updatePeriod", SY);
        if (period == null) {
            period = first(root, "updatePeriod", SY);
        }
        if (period != null) {
            Duration p = switch (period.getTextTrim().toLowerCase(Locale.ROOT)) {
                case "hourly" -> Duration.ofHours(1);
                case "daily" -> Duration.ofDays(1);
                case "weekly" -> Duration.ofDays(7);
                case "monthly" -> Duration.ofDays(30);
                case "yearly" -> Duration.ofDays(365);
                default -> null;
            };
            Element freqElement = first(channel, "updateFrequency", SY);
            if (freqElement == null) {
                freqElement = first(root, "updateFrequency", SY);
            }
            String freq = text(freqElement);
            long f = freq != null && freq.matches("\\d{1,6}") ? Math.max(1, Long.parseLong(freq)) : 1;
            if (p != null) {
                Duration hint = p.dividedBy(f);
                ttl = ttl == null || hint.compareTo(ttl) > 0 ? hint : ttl;
            }
        }
        return ttl == null || ttl.isZero() ? null : ttl;
    }

    private static void normalizeRssVersion(Element root, DefectLog defects) {
        String version = root.getAttributeValue("version");
        if (version == null || !ROME_RSS_VERSIONS.contains(version.strip())) {
            String read = version != null && version.strip().startsWith("0.9") ? "0.92" : "2.0";
            defects.add("RSS version '" + version + "' read as " + read);
            root.setAttribute("version", read);
        }
    }

    private static List<Element> rssItems(Element root) {
        List<Element> items = new ArrayList<>(children(root, "item"));
        Element channel = first(root, "channel");
        if (channel != null) {
            items.addAll(children(channel, "item"));
        }
        return items;
    }

    /** The effective {@code xml:base} of {@code e}: its own and its ancestors', resolved outermost first. */
    private static String xmlBase(Element e, String feedUrl) {
        List<String> bases = new ArrayList<>();
        for (Element x = e; x != null; x = x.getParentElement()) {
            String b = xmlBaseOf(x);
            if (b != null) {
                bases.add(0, b);
            }
        }
        String base = feedUrl;
        for (String b : bases) {
            base = FeedUrls.resolve(base, b);
        }
        return base;
    }

    private static String xmlBaseOf(Element e) {
        return e.getAttributeValue("base", Namespace.XML_NAMESPACE);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Element first(Element parent, String name, Namespace ns) {
        return parent.getChild(name, ns);
    }

    private static String text(Element e) {
        return e == null ? null : blankToNull(e.getTextTrim());
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
