package org.newsline.extract.article;

/**
 * Every threshold of the article extractor, in one place, so that tuning is visible and explainable. Lengths are
 * in characters of whitespace-collapsed text.
 */
final class ExtractionSettings {

    private ExtractionSettings() {
    }

    // --- input limits: keep memory and time bounded on hostile input ---

    /** Characters of HTML parsed at most; the rest of a longer page is ignored. */
    static final int MAX_HTML_CHARS = 3 * 1024 * 1024;
    /** Tags parsed at most; a page with more is cut at that tag (keeps the DOM small under a small heap). */
    static final int MAX_TAGS = 80_000;
    /** Nesting depth the HTML parser keeps; deeper elements are flattened by Jsoup. */
    static final int MAX_DEPTH = 256;

    // --- blocks: a run of inline text owned by one block element ---

    /** A block at least this long with little link text counts as article prose. */
    static final int GOOD_BLOCK_MIN_CHARS = 60;
    /** Link share above which a block is navigation rather than prose. */
    static final double GOOD_BLOCK_MAX_LINK_DENSITY = 0.33;
    /** Blocks shorter than this are neutral when scoring containers (labels, subheadings, short lines). */
    static final int NEUTRAL_BLOCK_MAX_CHARS = 60;
    /**
     * Share of a run's prose that counts for each further ancestor: paragraphs credit the box that holds them
     * most, so a page wrapper gathering the article and scattered teasers scores below the article's own box.
     */
    static final double LOCALITY = 0.9;
    /** How much a character of non-prose text costs a container, relative to a character of prose. */
    static final double BOILERPLATE_PENALTY = 1.0;
    /**
     * Cost of a character of dropped boilerplate inside a container: a body that holds the article and, far
     * away past the sidebar and related links, the footer's prose, should lose to the article's own box.
     */
    static final double DROPPED_PENALTY = 0.75;

    // --- class and id signals ---

    /** A container whose class or id names content gets this share of its prose as a bonus. */
    static final double POSITIVE_NAME_BONUS = 0.05;
    /** Microdata {@code itemprop="articleBody"} is the page saying where its body is: a larger bonus. */
    static final double ARTICLE_BODY_MICRODATA_BONUS = 0.5;
    /** Score factor for a container inside a box named like page furniture (kept only because it is large). */
    static final double NEGATIVE_NAME_FACTOR = 0.5;

    /** A weak-negative element (header, meta, byline...) is only dropped when shorter than this... */
    static final int WEAK_NEGATIVE_MAX_CHARS = 400;
    /** ...or when its link share is above this. */
    static final double WEAK_NEGATIVE_MIN_LINK_DENSITY = 0.4;
    /** A boilerplate-named box with at least this much prose waits for the page-level decision... */
    static final int GUARDED_NEGATIVE_MIN_PROSE_CHARS = 800;
    /** ...which keeps it only if it holds at least this share of the page's prose (a layout wrapper). */
    static final double GUARDED_NEGATIVE_MIN_SHARE = 0.5;
    /** A form is kept (site-wide ASP.NET style wrapper) when it holds at least this much prose. */
    static final int FORM_KEEP_MIN_PROSE_CHARS = 500;

    /** An inline element with at least this many links... */
    static final int LINK_CLUSTER_MIN_LINKS = 3;
    /** ...and this much text... */
    static final int LINK_CLUSTER_MIN_CHARS = 80;
    /** ...that is almost all link text is a link cluster (hover card) inside a sentence, and is dropped. */
    static final double LINK_CLUSTER_MIN_LINK_DENSITY = 0.9;

    // --- pruning inside the chosen container ---

    /** Link share above which a sub-container of the chosen one is pruned (related links, tag lists). */
    static final double PRUNE_MIN_LINK_DENSITY = 0.5;
    /** A block whose link share is above this is not emitted. */
    static final double EMIT_MAX_LINK_DENSITY = 0.6;
    /** A run at least this long is a sentence with many links rather than a link list... */
    static final int LONG_RUN_MIN_CHARS = 150;
    /** ...and is emitted up to this link share. */
    static final double EMIT_MAX_LINK_DENSITY_LONG_RUN = 0.85;

    /** A run repeating the page title (same letters, or a prefix of this share) is a headline, not body. */
    static final double TITLE_REPEAT_MIN_SHARE = 0.7;
    /** Titles shorter than this are too generic to compare. */
    static final int TITLE_REPEAT_MIN_CHARS = 15;

    // --- cascade ---

    /** Below this much text the primary result is considered a miss and the fallbacks run. */
    static final int MIN_BODY_CHARS = 250;
    /** The baseline keeps paragraphs at least this long with little link text. */
    static final int BASELINE_MIN_PARAGRAPH_CHARS = 70;

    // --- article or not ---

    /** Less body text than this, without article metadata, means the page is not an article. */
    static final int ARTICLE_MIN_CHARS = 400;
    /** With article metadata (JSON-LD article type, og:type article) a shorter body still counts. */
    static final int ARTICLE_WITH_METADATA_MIN_CHARS = 150;
    /** A paywalled page (isAccessibleForFree false) with less text than this is only a stub. */
    static final int PAYWALL_STUB_MAX_CHARS = 800;
}
