package org.newsline.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Small readers of feed documents: children by local name, trimmed text, the effective {@code xml:base}. */
final class FeedElements {

    private FeedElements() {
    }

    /** The effective {@code xml:base} of {@code e}: its own and its ancestors', resolved outermost first. */
    static String xmlBase(Element e, String feedUrl) {
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

    static String xmlBaseOf(Element e) {
        return e.getAttributeValue("base", Namespace.XML_NAMESPACE);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    static Element first(Element parent, String name) {
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

    static Element first(Element parent, String name, Namespace ns) {
        return parent.getChild(name, ns);
    }

    static String text(Element e) {
        return e == null ? null : blankToNull(e.getTextTrim());
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
