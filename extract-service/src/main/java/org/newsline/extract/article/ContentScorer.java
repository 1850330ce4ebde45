package org.newsline.extract.article;

/**
 * Picks the element that holds the article: the block maximising prose minus the cost of everything else in
 * it (see {@link ElementStats#score()}). A wrapper that adds only boilerplate scores lower than the body it
 * wraps, and a parent of two halves of an article split by an ad wins as soon as the second half outweighs
 * the ad.
 */
final class ContentScorer {

    private ContentScorer() {
    }

    /** The best container, or null when no block holds any prose. */
    static ElementStats bestContainer(PageAnalysis analysis) {
        ElementStats best = null;
        double bestScore = 0;
        for (ElementStats s : analysis.blocks()) {
            if (s.good == 0) {
                continue;
            }
            double score = adjustedScore(s);
            if (score > bestScore && isKept(s)) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The container score with structural hints: names and microdata that say "article body" add a share of
     * the prose; living inside a box named like page furniture (footer, sidebar) halves it.
     */
    static double adjustedScore(ElementStats s) {
        double score = s.score();
        if ((s.signal & AttributeSignals.POSITIVE) != 0) {
            score += ExtractionSettings.POSITIVE_NAME_BONUS * s.good;
        }
        String itemprop = s.element.attr("itemprop");
        if (itemprop.equalsIgnoreCase("articleBody") || itemprop.equalsIgnoreCase("text")) {
            score += ExtractionSettings.ARTICLE_BODY_MICRODATA_BONUS * s.good;
        }
        String tag = s.element.normalName();
        if (tag.equals("article") || tag.equals("main")) {
            score += ExtractionSettings.POSITIVE_NAME_BONUS * s.good;
        }
        if (s.underNegativeName && score > 0) {
            score *= ExtractionSettings.NEGATIVE_NAME_FACTOR;
        }
        return score;
    }

    /** Whether neither the element nor any ancestor was dropped. */
    static boolean isKept(ElementStats s) {
        for (ElementStats p = s; p != null; p = p.parent) {
            if (p.dropped) {
                return false;
            }
        }
        return true;
    }
}
