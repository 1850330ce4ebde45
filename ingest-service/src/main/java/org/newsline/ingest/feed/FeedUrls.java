package org.newsline.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Resolves the links a feed gives against a base, leniently: feeds leave spaces and non-ASCII unescaped. */
final class FeedUrls {

    private FeedUrls() {
    }

    /** {@code ref} resolved against {@code base} (either may be relative or null); null if unusable. */
    static String resolve(String base, String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        URI r = uri(ref.strip());
        if (r == null) {
            return null;
        }
        if (r.isAbsolute() || base == null) {
            return r.toString();
        }
        URI b = uri(base.strip());
        if (b == null) {
            return r.toString();
        }
        try {
            URI resolved = b.resolve(r);
            // URI.resolve leaves "http://h" + "x" as "http://hx"; an empty base path means "/"
            if (resolved.getRawPath() != null && !resolved.getRawPath().isEmpty()
                    && !resolved.getRawPath().startsWith("/") && resolved.getHost() != null) {
                resolved = new URI(resolved.getScheme() + "://" + resolved.getRawAuthority() + "/"
                        + resolved.getRawPath()
                        + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery())
                        + (resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment()));
            }
            return resolved.toString();
        } catch (IllegalArgumentException | URISyntaxException e) {
            return null;
        }
    }

    /** True for an absolute http or https URL with a host. */
    static boolean isHttp(String url) {
        URI u = url == null ? null : uri(url);
        if (u == null || u.getScheme() == null) {
            return false;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && u.getRawAuthority() != null;
    }

    private static URI uri(String s) {
        try {
            return new URI(org.newsline.ingest.http.FetchUrl.escapeForUri(s));
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
