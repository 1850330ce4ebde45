package org.newsline.extract.article;

import org.jsoup.nodes.Element;

/**
 * Text counts of one element's subtree, gathered in a single bottom-up pass. Counts are visible
 * (non-whitespace) characters. {@code inline} is the text this element holds outside nested blocks: for a
 * block that is its own run of text, for an inline element what it lends to the enclosing block.
 */
final class ElementStats {

    final Element element;
    final ElementStats parent;
    final boolean block;
    final int signal;
    /** Dropped as boilerplate: its text counts nowhere. */
    boolean dropped;
    /** Why it was dropped, for the explanation. */
    String dropReason;

    int inline;
    int inlineLink;
    /** Links in this element's inline content. */
    int inlineLinks;
    /** All text in the subtree (for blocks; inline elements' own text is in their block's {@code inline}). */
    int total;
    int link;
    /** Text in runs that read as prose (long enough, few links). */
    int good;
    /** Text in short runs that are neither prose nor navigation (labels, subheads). */
    int neutral;
    /** Prose weighted by closeness: each level between a run and this element keeps {@code LOCALITY} of it. */
    double localGood;
    /** Number of prose runs in the subtree. */
    int goodBlocks;
    /** Text of dropped boilerplate inside the subtree: distance between pieces of prose. */
    int droppedText;

    /** This element or an ancestor is named like boilerplate (but was kept because it is large). */
    final boolean underNegativeName;

    ElementStats(Element element, ElementStats parent, boolean block, int signal) {
        this.element = element;
        this.parent = parent;
        this.block = block;
        this.signal = signal;
        this.underNegativeName = (parent != null && parent.underNegativeName)
                || ((signal & (AttributeSignals.STRONG_NEGATIVE | AttributeSignals.WEAK_NEGATIVE
                        | AttributeSignals.TITLE_NAME)) != 0
                        && (signal & AttributeSignals.POSITIVE) == 0);
    }

    double linkDensity() {
        return total == 0 ? 0 : (double) link / total;
    }

    /** Container score: prose minus a penalty for the rest. */
    double score() {
        return localGood - ExtractionSettings.BOILERPLATE_PENALTY * (total - good - neutral)
                - ExtractionSettings.DROPPED_PENALTY * droppedText;
    }
}
