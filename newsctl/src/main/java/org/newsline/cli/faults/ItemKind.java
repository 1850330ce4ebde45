package org.newsline.cli.faults;

/** What fetching a feed item's link gives, so the suite knows what must end where. */
enum ItemKind {
    /** An HTML article page: must be one article in the store and on {@code news.articles}. */
    ARTICLE,
    /** A 404: must be one dead letter. */
    GONE,
    /** A PDF, not HTML: must be one dead letter. */
    NOT_HTML;

    boolean meantToFail() {
        return this != ARTICLE;
    }

    /** Every 25 items, one is gone and one is not HTML (8% meant to fail). */
    static ItemKind of(int item) {
        return switch (item % 25) {
            case 7 -> GONE;
            case 13 -> NOT_HTML;
            default -> ARTICLE;
        };
    }
}
