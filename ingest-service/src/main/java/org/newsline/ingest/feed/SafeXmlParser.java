package org.newsline.ingest.feed;

import java.io.IOException;
import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * Parses repaired feed text into a JDOM document with DOCTYPEs refused, external entities off and no entity
 * expansion; text that is still not well-formed is rebuilt by {@link LenientXml} and read, unless it was cut off.
 */
final class SafeXmlParser {

    /** One configured parser per thread: building a SAX parser costs more than parsing a small feed. */
    private static final ThreadLocal<SAXBuilder> BUILDER = ThreadLocal.withInitial(SafeXmlParser::secureBuilder);

    private SafeXmlParser() {
    }

    static Document parse(String xml, DefectLog defects) throws FeedParseException {
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
        return doc;
    }

    private static Document parseXml(String xml) throws FeedParseException {
        SAXBuilder builder = BUILDER.get();
        try {
            return builder.build(new StringReader(xml));
        } catch (org.jdom2.input.JDOMParseException e) {
            throw new FeedParseException("malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + rootMessage(e), e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("malformed XML: " + rootMessage(e), e);
        } catch (IllegalArgumentException e) {
            // JDOM refuses names and text that the SAX parser let through (an attribute named ":x") with its
            // IllegalNameException or IllegalDataException
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

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
