package org.newsline.extract.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * One pass over the body that drops boilerplate (via {@link BoilerplateStripper}) and counts, for every element
 * kept, its text, link text and prose. Later stages read these counts instead of walking the tree again.
 */
final class PageAnalysis {

    /** Typical element count of an article page's body: sized once, the map rarely rehashes while walking. */
    private static final int EXPECTED_ELEMENTS = 2048;

    private final Map<Element, ElementStats> stats;
    private final List<ElementStats> blocks = new ArrayList<>();
    private final List<ElementStats> guarded = new ArrayList<>();
    /** How many elements were dropped for each reason, for the explanation. */
    private final Map<String, Integer> dropCounts = new HashMap<>();
    /** Drops decided before looking inside, counted apart: they are the most frequent. */
    private int neverContentDrops;
    private int hiddenDrops;
    private final BoilerplateStripper stripper;
    private ElementStats root;

    private PageAnalysis(BoilerplateStripper stripper, int expectedElements) {
        this.stripper = stripper;
        this.stats = new IdentityHashMap<>(expectedElements);
    }

    /** Analyses {@code body} with the given stripping rules. */
    static PageAnalysis of(Element body, BoilerplateStripper stripper) {
        PageAnalysis analysis = new PageAnalysis(stripper, EXPECTED_ELEMENTS);
        analysis.walk(body);
        analysis.settleGuarded();
        return analysis;
    }

    ElementStats root() {
        return root;
    }

    /** Stats of {@code el}, or null when it was dropped or never visited. */
    ElementStats get(Element el) {
        ElementStats s = stats.get(el);
        return s == null || s.dropped ? null : s;
    }

    /** Elements dropped per reason, counted as decided (a box inside a dropped box may count too). */
    Map<String, Integer> dropCounts() {
        Map<String, Integer> all = new TreeMap<>(dropCounts);
        if (neverContentDrops > 0) {
            all.put("scripts, media and controls", neverContentDrops);
        }
        if (hiddenDrops > 0) {
            all.put("hidden", hiddenDrops);
        }
        return all;
    }

    /** Kept block elements, in document order of their start. */
    List<ElementStats> blocks() {
        return blocks;
    }

    private void walk(Element body) {
        NodeTraversor.filter(new NodeFilter() {
            private ElementStats current;
            private int linkDepth;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode) {
                    int visible = visibleChars(((TextNode) node).getWholeText());
                    if (visible > 0) {
                        // the text belongs to every inline element up to and including the enclosing block
                        for (ElementStats s = current; s != null; s = s.parent) {
                            s.inline += visible;
                            if (linkDepth > 0) {
                                s.inlineLink += visible;
                            }
                            if (s.block) {
                                break;
                            }
                        }
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Element el = (Element) node;
                String tag = el.normalName();
                if (current != null && stripper.dropBeforeChildren(el, tag)) {
                    if (HtmlTags.NEVER_CONTENT.contains(tag)) {
                        neverContentDrops++;
                    } else {
                        hiddenDrops++;
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                ElementStats s = new ElementStats(el, current, current == null || HtmlTags.BLOCK.contains(tag),
                        stripper.signals().of(el));
                stats.put(el, s);
                if (s.block) {
                    blocks.add(s);
                }
                if (current == null) {
                    root = s;
                }
                if (tag.equals("a")) {
                    linkDepth++;
                    for (ElementStats p = current; p != null; p = p.parent) {
                        p.inlineLinks++;
                        if (p.block) {
                            break;
                        }
                    }
                }
                current = s;
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element)) {
                    return FilterResult.CONTINUE;
                }
                ElementStats s = current;
                if (s == null || s.element != node) {
                    return FilterResult.CONTINUE;
                }
                current = s.parent;
                if (s.element.normalName().equals("a")) {
                    linkDepth--;
                }
                if (s.block) {
                    closeBlock(s);
                }
                String reason = s.parent == null ? null : stripper.dropAfterChildren(s);
                if (reason == null && !s.block && isLinkCluster(s)) {
                    reason = "cluster of links inside running text";
                }
                if (reason != null) {
                    s.dropped = true;
                    s.dropReason = reason;
                    dropCounts.merge(reason, 1, Integer::sum);
                    s.parent.droppedText += s.total + s.droppedText + (s.block ? 0 : s.inline);
                    if (!s.block) {
                        // give back the inline text it lent to the enclosing block
                        for (ElementStats p = s.parent; p != null; p = p.parent) {
                            p.inline -= s.inline;
                            p.inlineLink -= s.inlineLink;
                            if (p.block) {
                                break;
                            }
                        }
                    }
                    return FilterResult.CONTINUE;
                }
                if (s.parent != null && s.good > 0 && stripper.isGuarded(s)) {
                    guarded.add(s);
                }
                if (s.parent != null) {
                    s.parent.total += s.total;
                    s.parent.link += s.link;
                    s.parent.good += s.good;
                    s.parent.localGood += s.localGood * ExtractionSettings.LOCALITY;
                    s.parent.neutral += s.neutral;
                    s.parent.goodBlocks += s.goodBlocks;
                    s.parent.droppedText += s.droppedText;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
    }

    /**
     * Boilerplate-named boxes with much prose were kept provisionally; now that the page's prose is known, drop
     * those that hold less than {@link ExtractionSettings#GUARDED_NEGATIVE_MIN_SHARE} of it (a list of teasers
     * named "most-popular"), keep the others (a layout wrapper named "content-with-sidebar").
     */
    private void settleGuarded() {
        if (guarded.isEmpty() || root == null) {
            return;
        }
        // tail order puts inner boxes first; settle outer boxes first so an inner one in a dropped box is skipped
        for (int i = guarded.size() - 1; i >= 0; i--) {
            ElementStats s = guarded.get(i);
            if (!ContentScorer.isKept(s) || s.good >= ExtractionSettings.GUARDED_NEGATIVE_MIN_SHARE * root.good) {
                continue;
            }
            s.dropped = true;
            s.dropReason = "class/id names boilerplate, holds a minor share of the prose";
            dropCounts.merge(s.dropReason, 1, Integer::sum);
            double share = s.localGood;
            for (ElementStats p = s.parent; p != null; p = p.parent) {
                share *= ExtractionSettings.LOCALITY;
                p.localGood -= share;
                p.total -= s.total;
                p.link -= s.link;
                p.good -= s.good;
                p.neutral -= s.neutral;
                p.goodBlocks -= s.goodBlocks;
                p.droppedText += s.total;
            }
        }
    }

    /**
     * An inline element inside a paragraph that is nothing but several links: a hover card or a "see also"
     * strip injected into the sentence, not words of it.
     */
    private static boolean isLinkCluster(ElementStats s) {
        return s.inlineLinks >= ExtractionSettings.LINK_CLUSTER_MIN_LINKS
                && s.inline >= ExtractionSettings.LINK_CLUSTER_MIN_CHARS
                && s.inlineLink >= ExtractionSettings.LINK_CLUSTER_MIN_LINK_DENSITY * s.inline
                && !s.element.normalName().equals("a");
    }

    /** Adds a block's own run of text to its subtree counts, classified as prose, neutral or other. */
    private static void closeBlock(ElementStats s) {
        int len = s.inline;
        if (len <= 0) {
            return;
        }
        s.total += len;
        s.link += s.inlineLink;
        double density = (double) s.inlineLink / len;
        if (density <= ExtractionSettings.GOOD_BLOCK_MAX_LINK_DENSITY) {
            if (len >= ExtractionSettings.GOOD_BLOCK_MIN_CHARS) {
                s.good += len;
                s.localGood += len;
                s.goodBlocks++;
            } else if (len < ExtractionSettings.NEUTRAL_BLOCK_MAX_CHARS) {
                s.neutral += len;
            }
        }
    }

    /** Characters that are not whitespace (including no-break space). */
    static int visibleChars(String text) {
        int n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c != '\u00a0' && !(c >= '\u2000' && c <= '\u200b') && c != '\u3000') {
                n++;
            }
        }
        return n;
    }

    /** For explanations: a short description of an element, such as {@code div#main.article-body}. */
    static String describe(Element el) {
        StringBuilder sb = new StringBuilder(el.normalName());
        String id = el.id();
        if (!id.isEmpty()) {
            sb.append('#').append(id);
        }
        String cls = el.className().trim();
        if (!cls.isEmpty()) {
            sb.append('.');
            boolean space = false;
            for (int i = 0; i < cls.length(); i++) { // whitespace runs become one dot, as replaceAll("\\s+", ".")
                char c = cls.charAt(i);
                boolean isSpace = c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
                if (!isSpace) {
                    sb.append(c);
                } else if (!space) {
                    sb.append('.');
                }
                space = isSpace;
            }
        }
        String s = sb.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s.toLowerCase(Locale.ROOT);
    }
}
