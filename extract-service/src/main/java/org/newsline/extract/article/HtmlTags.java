package org.newsline.extract.article;

import java.util.Set;

/** Which tags the extractor treats as blocks, as never-content, and as landmarks. */
final class HtmlTags {

    private HtmlTags() {
    }

    /** Elements that start a new block of text; everything else flows inline. */
    static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "center", "dd",
            "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
            "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
            "html");

    /** Elements that never hold article text (scripts, media, widgets, form controls); dropped in every mode. */
    static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "svg", "math",
            "canvas", "iframe", "object", "embed", "video", "audio", "source", "track", "button", "input", "select",
            "option", "optgroup", "textarea", "head", "link", "meta", "map", "dialog", "frameset", "frame",
            "applet", "title", "datalist", "output", "progress", "meter", "picture", "img");

    /** Page landmarks that are boilerplate in strict mode. */
    static final Set<String> STRICT_DROP = Set.of("nav", "aside", "menu");

    /** Landmarks dropped in strict mode unless they hold much text (some sites wrap content in them). */
    static final Set<String> WEAK_DROP = Set.of("header", "footer");

    /** h2 to h6: headings inside an article (h1 is its title). */
    static boolean isSubheading(String tag) {
        return isHeading(tag) && tag.charAt(1) != '1';
    }

    static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }
}
