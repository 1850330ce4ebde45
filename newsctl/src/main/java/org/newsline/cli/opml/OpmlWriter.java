package org.newsline.cli.opml;

import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes subscriptions as OPML 2.0 (http://opml.org/spec2.opml): one flat list of {@code type="rss"} outlines,
 * tags in the {@code category} attribute, which {@link OpmlReader} and other feed readers read back as
 * categories.
 */
public final class OpmlWriter implements AutoCloseable {

    private final XMLStreamWriter xml;

    /** Starts the document: the declaration, the head and the opening of the body. */
    public OpmlWriter(OutputStream out, String title, ZonedDateTime created) throws XMLStreamException {
        xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("opml");
        xml.writeAttribute("version", "2.0");
        xml.writeCharacters("\n  ");
        xml.writeStartElement("head");
        xml.writeCharacters("\n    ");
        element("title", title);
        xml.writeCharacters("\n    ");
        // OPML 2.0 dates are RFC 822
        element("dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(created));
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("body");
    }

    /** One feed; {@code title} may be null (the URL stands in for the required {@code text}). */
    public void feed(String xmlUrl, String title, List<String> tags) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("outline");
        xml.writeAttribute("type", "rss");
        xml.writeAttribute("text", clean(title == null || title.isBlank() ? xmlUrl : title));
        if (title != null && !title.isBlank()) {
            xml.writeAttribute("title", clean(title));
        }
        xml.writeAttribute("xmlUrl", clean(xmlUrl));
        if (!tags.isEmpty()) {
            // commas separate categories, so a comma inside a tag cannot survive; it becomes a space
            xml.writeAttribute("category", clean(String.join(",", tags.stream().map(t -> t.replace(',', ' ')).toList())));
        }
    }

    /** Closes the body and the document and flushes; the stream stays open. */
    @Override
    public void close() throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** Drops characters XML 1.0 cannot carry at all (control characters, lone surrogates). */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
