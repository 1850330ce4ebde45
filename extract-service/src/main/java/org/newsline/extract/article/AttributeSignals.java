package org.newsline.extract.article;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;

/**
 * Reads what an element's {@code class} and {@code id} say about its role. Site builders name their boxes after
 * what they are (comments, share bar, sidebar, article body) in every language's markup, so these names
 * generalise across sites where a page's wording would not.
 *
 * <p>Thread-safe. Results are cached per distinct attribute value in a bounded map shared by all
 * extractions: pages of one site repeat the same class names.
 */
final class AttributeSignals {

    /**
     * Boilerplate (share bars, related links, sidebars, ads), unless the box turns out to hold most of the page's
     * prose: layouts name their wrappers "content-with-sidebar" too.
     */
    static final int STRONG_NEGATIVE = 1;
    /** Usually boilerplate (header, byline, meta), but sometimes wraps content; dropped only when small. */
    static final int WEAK_NEGATIVE = 2;
    /**
     * Names of titles and labels: furniture while short, but a paragraph of prose named "title" is prose
     * (some CMSs mark the lead paragraph that way).
     */
    static final int TITLE_NAME = 32;
    /** Names of content containers (article, body, content, post, story). */
    static final int POSITIVE = 4;
    /** Boilerplate whatever else the page holds: comment threads, consent banners, recommendation widgets. */
    static final int ABSOLUTE_NEGATIVE = 16;
    /**
     * Names that look negative but are content: "commentary" and "share-price" are not comment or share boxes,
     * and an embedded tweet is quoted in the article even when its box is called a widget.
     */
    private static final int EXCEPTION = 8;

    private static final KeywordMatcher MATCHER = new KeywordMatcher();

    static {
        for (String k : new String[] {"comment", "disqus", "reply", "replies", "cookie", "consent", "gdpr",
                "outbrain", "taboola", "newsletter"}) {
            MATCHER.add(k, ABSOLUTE_NEGATIVE);
        }
        for (String k : new String[] {"share", "sharing", "discussion", "talkback",
                "social", "related", "recommend", "subscri", "signup", "sign-up", "promo",
                "sponsor", "advert", "adsense", "ad-slot", "adslot", "ad-container", "ad-wrapper", "ad-unit",
                "adunit", "dfp", "gpt-ad", "banner", "popup", "modal", "overlay",
                "breadcrumb", "pagination", "pager", "sidebar", "side-bar", "widget",
                "trending", "popular", "most-read", "mostread", "recirc", "read-more", "readmore", "more-stories",
                "also-read", "skip-link", "login", "navbar", "next-prev", "prev-next", "prevnext", "nextprev",
                "post-nav", "previous-post", "next-post", "nav-links", "nav-bar", "navigation", "menu",
                "masthead", "toolbar", "tooltip", "rss", "shoutbox", "skyscraper", "agegate", "jump-link",
                "print-only", "screen-reader", "sr-only", "visually-hidden", "offscreen", "follow-us",
                "tags", "tag-list", "taglist", "keywords", "author-bio", "bio-box", "about-author"}) {
            MATCHER.add(k, STRONG_NEGATIVE);
        }
        for (String k : new String[] {"header", "footer", "byline", "author", "dateline", "timestamp", "date",
                "time", "meta", "caption", "credit", "extra", "supplement", "aside", "utility", "tools",
                "share-", "paywall", "teaser", "card", "promo", "nav"}) {
            MATCHER.add(k, WEAK_NEGATIVE);
        }
        for (String k : new String[] {"title", "headline", "subtitle", "kicker", "label"}) {
            MATCHER.add(k, TITLE_NAME);
        }
        for (String k : new String[] {"article", "body", "content", "entry", "main", "post", "story", "text",
                "blog", "prose", "rich-text", "richtext"}) {
            MATCHER.add(k, POSITIVE);
        }
        for (String k : new String[] {"commentary", "shareprice", "share-price", "cardinal", "header-image",
                "metadata-body", "subscription-content", "tweet", "instagram-media",
                "update"}) {
            MATCHER.add(k, EXCEPTION);
        }
    }

    /** Whole class tokens that name ads; as substrings they would hit "head", "read", "shadow"... */
    private static final Set<String> AD_TOKENS = Set.of("ad", "ads", "adv", "advert", "advertisement",
            "advertising", "sponsored", "promoted");

    /** Distinct class/id values cached at most; past that, values are matched without caching. */
    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

    /**
     * The signal flags of {@code el}'s class and id (0 when it has neither).
     */
    int of(Element el) {
        // Node.attr answers "" at once for an element without attributes, without allocating them
        int flags = flagsOf(el.attr("class")) | flagsOf(el.attr("id"));
        if ((flags & EXCEPTION) != 0) {
            flags &= ~(STRONG_NEGATIVE | WEAK_NEGATIVE | ABSOLUTE_NEGATIVE | TITLE_NAME);
        }
        return flags;
    }

    private int flagsOf(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Integer cached = CACHE.get(value);
        if (cached != null) {
            return cached;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        int flags = MATCHER.match(lower);
        if (hasAdOrHiddenToken(lower)) {
            flags |= STRONG_NEGATIVE;
        }
        if (CACHE.size() < CACHE_LIMIT && value.length() <= 200) {
            CACHE.put(value, flags);
        }
        return flags;
    }

    /**
     * Whole class tokens that name ads ("ad", "ads"; as substrings they would hit "head", "read", "shadow"),
     * or that hide the element in CSS frameworks ("d-none", "hidden") with no responsive token showing it again
     * ("d-md-block", "md:block"). Either way the element is treated as boilerplate, guarded by its prose share
     * like other boilerplate names, because scripts sometimes reveal hidden article text.
     */
    private static boolean hasAdOrHiddenToken(String lower) {
        boolean hiddenToken = false;
        boolean shownAgain = false;
        int start = -1;
        for (int i = 0, n = lower.length(); i <= n; i++) {
            char c = i < n ? lower.charAt(i) : ' ';
            boolean word = c > ' ';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = lower.substring(start, i);
                if (hasAdWord(token)) {
                    return true;
                }
                if (token.equals("d-none") || token.equals("hidden")) {
                    hiddenToken = true;
                } else if ((token.startsWith("d-") && !token.endsWith("-none") && !token.startsWith("d-print"))
                        || token.indexOf(':') > 0) {
                    shownAgain = true;
                }
                start = -1;
            }
        }
        return hiddenToken && !shownAgain;
    }

    /** Whether a class token has "ad", "ads"... as one of its alphanumeric words ("top_ad", "ad-box"). */
    private static boolean hasAdWord(String token) {
        int start = -1;
        for (int i = 0, n = token.length(); i <= n; i++) {
            char c = i < n ? token.charAt(i) : '-';
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (alnum && start < 0) {
                start = i;
            } else if (!alnum && start >= 0) {
                if (i - start <= 13 && AD_TOKENS.contains(token.substring(start, i))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }
}
