package org.newsline.extract.article.metadata;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a class or id value names a byline ("byline", "author-name"). Asked for every element of every
 * page, so answers are cached per distinct value in a bounded map shared by all threads.
 */
final class BylineNames {

    private static final String[] NAMES = {"byline", "author-name", "authorname", "author_name"};
    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();

    private BylineNames() {
    }

    static boolean isByline(String value) {
        if (value.length() < 6) {
            return false;
        }
        Boolean cached = CACHE.get(value);
        if (cached != null) {
            return cached;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        boolean byline = false;
        for (String name : NAMES) {
            if (lower.contains(name)) {
                byline = true;
                break;
            }
        }
        if (CACHE.size() < CACHE_LIMIT && value.length() <= 200) {
            CACHE.put(value, byline);
        }
        return byline;
    }
}
