package org.newsline.extract.article;

import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Decides which elements are boilerplate before content scoring. It looks only at structure: tag names
 * (scripts, form controls, navigation landmarks), forms without prose (comment and newsletter forms, however
 * they are worded), hidden elements, and class/id names; never at the page's wording.
 *
 * <p>{@link Mode#STRICT} also drops landmarks and anything whose class or id names boilerplate;
 * {@link Mode#RELAXED} keeps those, for the recall-oriented retry when strict stripping left too little.
 */
final class BoilerplateStripper {

    /** How aggressively to strip. */
    enum Mode {
        STRICT,
        RELAXED
    }

    private final Mode mode;
    private final AttributeSignals signals = new AttributeSignals();

    BoilerplateStripper(Mode mode) {
        this.mode = mode;
    }

    Mode mode() {
        return mode;
    }

    AttributeSignals signals() {
        return signals;
    }

    /** Whether to skip {@code el} and its subtree without looking inside (decidable from the element alone). */
    boolean dropBeforeChildren(Element el, String tag) {
        if (HtmlTags.NEVER_CONTENT.contains(tag)) {
            return true;
        }
        return isHidden(el);
    }

    /**
     * Whether to drop an element once its subtree is counted, with the reason, or null to keep it. Decisions
     * that depend on how much prose an element holds are taken here.
     */
    String dropAfterChildren(ElementStats s) {
        String tag = s.element.normalName();
        if (tag.equals("form") && s.good < ExtractionSettings.FORM_KEEP_MIN_PROSE_CHARS) {
            return "form without prose";
        }
        if (isCommentMicrodata(s.element)) {
            return "microdata marks a comment";
        }
        if (mode == Mode.RELAXED) {
            return null;
        }
        if (HtmlTags.STRICT_DROP.contains(tag)) {
            return tag + " landmark";
        }
        boolean small = s.total < ExtractionSettings.WEAK_NEGATIVE_MAX_CHARS
                || s.linkDensity() > ExtractionSettings.WEAK_NEGATIVE_MIN_LINK_DENSITY;
        if (HtmlTags.WEAK_DROP.contains(tag) && small) {
            return tag + " landmark";
        }
        int signal = s.signal;
        if ((signal & AttributeSignals.ABSOLUTE_NEGATIVE) != 0) {
            return "class/id names comments or consent";
        }
        if ((signal & AttributeSignals.STRONG_NEGATIVE) != 0) {
            if (s.good >= ExtractionSettings.GUARDED_NEGATIVE_MIN_PROSE_CHARS) {
                return null; // decided once the whole page is counted, see PageAnalysis.settleGuarded
            }
            return "class/id names boilerplate";
        }
        // a small box named "article__date" or "post-meta" is furniture even though it names the article too;
        // a subheading is a subheading whatever its class says
        if ((signal & AttributeSignals.WEAK_NEGATIVE) != 0 && small && !HtmlTags.isSubheading(tag)) {
            return "class/id names page furniture";
        }
        if ((signal & AttributeSignals.TITLE_NAME) != 0 && !HtmlTags.isSubheading(tag)
                && (s.good == 0 || s.linkDensity() > ExtractionSettings.WEAK_NEGATIVE_MIN_LINK_DENSITY)) {
            return "class/id names a title or label";
        }
        return null;
    }

    /** Whether a kept element still awaits the page-level decision for boilerplate-named boxes. */
    boolean isGuarded(ElementStats s) {
        return mode == Mode.STRICT && (s.signal & AttributeSignals.STRONG_NEGATIVE) != 0
                && (s.signal & AttributeSignals.ABSOLUTE_NEGATIVE) == 0;
    }

    /** schema.org comments ({@code itemtype=".../Comment"}, {@code itemprop="comment"}), whatever their class. */
    private static boolean isCommentMicrodata(Element el) {
        String itemprop = el.attr("itemprop");
        if (itemprop.equalsIgnoreCase("comment") || itemprop.equalsIgnoreCase("comments")) {
            return true;
        }
        String itemtype = el.attr("itemtype");
        return itemtype.endsWith("/Comment") || itemtype.endsWith("/UserComments");
    }

    private static boolean isHidden(Element el) {
        if (el.hasAttr("hidden")) {
            return true;
        }
        String style = el.attr("style");
        if (style.isEmpty() || (style.indexOf("none") < 0 && style.indexOf("idden") < 0
                && style.indexOf("NONE") < 0 && style.indexOf("IDDEN") < 0)) {
            return false; // most inline styles hide nothing: skip the case folding below
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }
}
