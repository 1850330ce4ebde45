package org.newsline.ingest.feed;

import static org.newsline.ingest.feed.FeedElements.abbreviate;
import static org.newsline.ingest.feed.FeedElements.children;
import static org.newsline.ingest.feed.FeedElements.clean;
import static org.newsline.ingest.feed.FeedElements.first;
import static org.newsline.ingest.feed.FeedElements.text;
import static org.newsline.ingest.feed.FeedElements.xmlBase;
import static org.newsline.ingest.feed.FeedElements.blankToNull;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.newsline.events.FeedItem;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0: {@link SafeXmlParser} makes the document, {@link DocumentItem} reads
 * each item's id, link and date from it, and Rome maps the rest (titles, authors, summaries,
 * {@code content:encoded}).
 */
final class XmlFeedReader {

    private static final Set<String> ROME_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    private final Instant now;

    XmlFeedReader(Instant now) {
        this.now = now;
    }

    ParsedFeed read(String xml, String feedUrl, DefectLog defects) throws FeedParseException {
        Document doc = SafeXmlParser.parse(xml, defects);
        Element root = doc.getRootElement();
        String rootName = root.getName().toLowerCase(Locale.ROOT);
        if (rootName.equals("html")) {
            throw new FeedParseException("not a feed: HTML page");
        }
        boolean atom = rootName.equals("feed");
        if (!atom && !rootName.equals("rss") && !rootName.equals("rdf")) {
            throw new FeedParseException("not a feed: XML with root element <" + root.getQualifiedName() + ">");
        }
        if (!atom && first(root, "channel") == null) {
            // Rome reads every RSS version through its channel and fails on a null one
            throw new FeedParseException("not a feed: <" + root.getQualifiedName() + "> without a <channel>");
        }
        if (rootName.equals("rss")) {
            normalizeRssVersion(root, defects);
        }
        List<Element> itemElements = atom ? children(root, "entry") : rssItems(root);
        String feedBase = FeedUrls.resolve(feedUrl, xmlBase(root, feedUrl));
        List<DocumentItem> fromDocument = new ArrayList<>(itemElements.size());
        for (int i = 0; i < itemElements.size(); i++) {
            fromDocument.add(DocumentItem.read(itemElements.get(i), atom, feedUrl, i + 1, defects));
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
        String site = atom ? DocumentItem.atomLink(root, feedBase)
                : FeedUrls.resolve(feedBase, text(channel == null ? null : first(channel, "link")));
        if (site == null) {
            site = FeedUrls.resolve(feedBase, feed.getLink());
        }
        return new ParsedFeed(clean(feed.getTitle()), FeedUrls.isHttp(site) ? site : null, items,
                TtlHint.of(channel == null ? root : channel, root), defects.toList());
    }

    private static SyndFeed rome(Document doc) throws FeedParseException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        try {
            return input.build(doc);
        } catch (FeedException | RuntimeException e) {
            // Rome assumes much of a document's shape and can fail with any runtime exception when it is wrong
            throw new FeedParseException("not a feed Rome can read: " + SafeXmlParser.rootMessage(e), e);
        }
    }

    private FeedItem item(SyndEntry entry, DocumentItem dom, String feedUrl, int index, DefectLog defects) {
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
        return clean(entry.getTitle());
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

}
