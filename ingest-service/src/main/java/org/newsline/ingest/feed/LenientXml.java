package org.newsline.ingest.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Rebuilds XML that is not well-formed (a stray {@code <}, an unclosed tag) with jsoup's XML parser, which never
 * fails, never reads a DTD and never expands a declared entity, and writes it back out well-formed.
 */
final class LenientXml {

    private LenientXml() {
    }

    private static final Pattern FIRST_ELEMENT =
            Pattern.compile("<([A-Za-z_][\\w:.\\-]*)");

    /** True if the text ends by closing the element it starts with, i.e. it was not cut off. */
    static boolean isComplete(String xml) {
        Matcher m = FIRST_ELEMENT.matcher(xml);
        if (!m.find()) {
            return false;
        }
        String end = xml.stripTrailing();
        return end.endsWith("</" + m.group(1) + ">") || end.endsWith("</" + m.group(1) + " >");
    }

    static String rebuild(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8")
                .prettyPrint(false);
        return doc.outerHtml();
    }
}
