package org.newsline.extract.article;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Reads what an element's {@code class} and {@code id} say about its role. Site builders name their boxes after
 * what they are (comments, share bar, sidebar, article body) in every language's markup, so these names
 * generalise across sites where a page's wording would not.
 *
 * <p>Not thread-safe: one instance per extraction (it caches per distinct attribute value).
 */
final class AttributeSignals {

    /** Boilerplate whatever else the name says: comment threads, share bars, ads, newsletter boxes. */
    static final int STRONG_NEGATIVE = 1;
    /** Usually boilerplate (header, byline, meta), but sometimes wraps content; dropped only when small. */
    static final int WEAK_NEGATIVE = 2;
    /** Names of content containers (article, body, content, post, story). */
    static final int POSITIVE = 4;
    /** Names that look negative but are content ("commentary", "share-price" are not comment or share boxes). */
    private static final int EXCEPTION = 8;

    private static final KeywordMatcher MATCHER = new KeywordMatcher();

    static {
        for (String k : new String[] {"comment", "disqus", "reply", "replies", "share", "sharing",
                "social", "related", "recommend", "newsletter", "subscri", "signup", "sign-up", "promo",
                "sponsor", "advert", "adsense", "ad-slot", "adslot", "ad-container", "ad-wrapper", "ad-unit",
                "adunit", "dfp", "gpt-ad", "banner", "cookie", "consent", "gdpr", "popup", "modal", "overlay",
                "breadcrumb", "pagination", "pager", "sidebar", "side-bar", "widget", "outbrain", "taboola",
                "trending", "popular", "most-read", "mostread", "recirc", "read-more", "readmore", "more-stories",
                "also-read", "skip-link", "login", "navbar", "nav-bar", "navigation", "menu",
                "masthead", "toolbar", "tooltip", "rss", "shoutbox", "skyscraper", "agegate", "jump-link",
                "print-only", "screen-reader", "sr-only", "visually-hidden", "offscreen", "follow-us",
                "tags", "tag-list", "taglist", "keywords", "author-bio", "bio-box", "about-author"}) {
            MATCHER.add(k, STRONG_NEGATIVE);
        }
        for (String k : new String[] {"header", "footer", "byline", "author", "dateline", "timestamp", "date",
                "time", "meta", "caption", "credit", "extra", "supplement", "aside", "utility", "tools",
                "share-", "paywall", "subtitle", "kicker", "teaser", "card", "promo", "label", "headline", "title",
                "nav"}) {
            MATCHER.add(k, WEAK_NEGATIVE);
        }
        for (String k : new String[] {"article", "body", "content", "entry", "main", "post", "story", "text",
                "blog", "prose", "rich-text", "richtext"}) {
            MATCHER.add(k, POSITIVE);
        }
        for (String k : new String[] {"commentary", "shareprice", "share-price", "cardinal", "header-image",
                "metadata-body", "subscription-content"}) {
            MATCHER.add(k, EXCEPTION);
        }
    }

    private final Map<String, Integer> cache = new HashMap<>();

    /** The signal flags of {@code el}'s class and id (0 when it has neither). */
    int of(Element el) {
        if (el.attributesSize() == 0) {
            return 0;
        }
        String cls = el.attributes().getIgnoreCase("class");
        String id = el.attributes().getIgnoreCase("id");
        if (cls.isEmpty() && id.isEmpty()) {
            return 0;
        }
        String key = id.isEmpty() ? cls : cls + ' ' + id;
        Integer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        int flags = MATCHER.match(key.toLowerCase(Locale.ROOT));
        if ((flags & EXCEPTION) != 0) {
            flags &= ~(STRONG_NEGATIVE | WEAK_NEGATIVE);
        }
        cache.put(key, flags);
        return flags;
    }
}
