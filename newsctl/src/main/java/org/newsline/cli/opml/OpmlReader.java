package org.newsline.cli.opml;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the feeds of an OPML file (1.0 or 2.0) as a stream: each outline with an {@code xmlUrl} is handed
 * over as soon as it is read, so a file of any size needs only the memory of its nesting. Folders (outlines
 * without {@code xmlUrl}) and {@code category} attributes become tags.
 *
 * <p>A subscription list comes from elsewhere, so it is parsed as hostile: a DOCTYPE is refused (no external
 * entities, no entity expansion bombs), and tags are cut to what the API accepts.
 */
public final class OpmlReader {

    /** The API's limits on tags. */
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 100;

    private static final XMLInputFactory FACTORY = newFactory();

    private OpmlReader() {
    }

    /**
     * Hands each feed of the OPML document to {@code sink}, in document order.
     *
     * @return the number of feeds read
     * @throws OpmlException if the document is not well-formed XML, has a DOCTYPE, or is not OPML
     */
    public static long read(InputStream in, Consumer<OpmlFeed> sink) throws OpmlException {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            long feeds = 0;
            // one entry per open outline: its folder name, or null for a feed or an unnamed outline
            Deque<String> folders = new ArrayDeque<>();
            boolean rootSeen = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new OpmlException("line " + line(xml) + ": a DOCTYPE is not allowed in OPML");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!rootSeen) {
                        rootSeen = true;
                        if (!xml.getLocalName().equals("opml")) {
                            throw new OpmlException("not an OPML file: the root element is <" + xml.getLocalName()
                                    + ">, not <opml>");
                        }
                    } else if (xml.getLocalName().equals("outline")) {
                        String xmlUrl = attribute(xml, "xmlUrl");
                        String title = attribute(xml, "title");
                        if (title == null) {
                            title = attribute(xml, "text");
                        }
                        if (xmlUrl != null) {
                            sink.accept(new OpmlFeed(xmlUrl, title, tags(folders, attribute(xml, "category")),
                                    line(xml)));
                            feeds++;
                            folders.push("");
                        } else {
                            folders.push(title == null ? "" : title);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("outline")) {
                    folders.pop();
                }
            }
            if (!rootSeen) {
                throw new OpmlException("not an OPML file: it has no elements");
            }
            return feeds;
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ": ";
            throw new OpmlException("not well-formed XML: " + where + cleanMessage(e), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    private static List<String> tags(Deque<String> folders, String category) {
        Set<String> tags = new LinkedHashSet<>();
        // the deque's iterator runs innermost first; tags read better outermost first
        List<String> outerFirst = new ArrayList<>(folders);
        for (int i = outerFirst.size() - 1; i >= 0 && tags.size() < MAX_TAGS; i--) {
            add(tags, outerFirst.get(i));
        }
        if (category != null) {
            // "/Tech/News,/Sports": comma-separated, each a slash path; one tag per path
            for (String c : category.split(",")) {
                if (tags.size() >= MAX_TAGS) {
                    break;
                }
                add(tags, c.strip().replaceAll("^/+|/+$", ""));
            }
        }
        return List.copyOf(tags);
    }

    private static void add(Set<String> tags, String tag) {
        String t = tag == null ? "" : tag.strip();
        if (!t.isEmpty()) {
            tags.add(t.length() > MAX_TAG_LENGTH ? t.substring(0, MAX_TAG_LENGTH).strip() : t);
        }
    }

    /** An attribute by local name; OPML in the wild also writes {@code xmlurl}, so case is ignored. */
    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String v = xml.getAttributeValue(i).strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static int line(XMLStreamReader xml) {
        return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
    }

    private static String cleanMessage(XMLStreamException e) {
        // the JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; the line is already given
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).replace('\n', ' ').strip();
    }

    private static XMLInputFactory newFactory() {
        // the JDK's own parser, not whatever StAX implementation is on the class path
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }
}
