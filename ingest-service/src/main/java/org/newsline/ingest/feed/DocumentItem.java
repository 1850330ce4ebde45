package org.newsline.ingest.feed;

import static org.newsline.ingest.feed.FeedElements.abbreviate;
import static org.newsline.ingest.feed.FeedElements.first;
import static org.newsline.ingest.feed.FeedElements.text;
import static org.newsline.ingest.feed.FeedElements.xmlBase;
import static org.newsline.ingest.feed.FeedElements.xmlBaseOf;

import java.time.Instant;
import java.util.List;
import org.jdom2.Attribute;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What the document itself says about one item, read before Rome sees it: id, link (resolved against
 * {@code xml:base} and the feed URL, falling back to the enclosure), date ({@link FeedDateParser}) and
 * {@code dc:creator}. Rome resolves relative links against its own guess of the base and parses fewer dates.
 */
record DocumentItem(String guid, String link, Instant published, String creator) {

    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /**
     * Reads item {@code e} (number {@code index}, from 1), then removes its date elements: Rome would parse them
     * again with a dozen SimpleDateFormat masks each, which costs more than everything else together.
     */
    static DocumentItem read(Element e, boolean atom, String feedUrl, int index, DefectLog defects) {
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
        return new DocumentItem(guid, link, published, creator);
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
    static String atomLink(Element entry, String base) {
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
}
