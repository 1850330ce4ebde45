package org.newsline.extract.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Makes link targets absolute against the page URL, parsing that URL once per page (Jsoup's {@code absUrl}
 * parses it again for every link). Targets that are not web links (javascript:, mailto:, fragments only) give
 * an empty string, and so does anything that cannot be resolved.
 */
final class LinkResolver {

    private final URI base;

    LinkResolver(String baseUrl) {
        URI parsed = null;
        if (baseUrl != null && !baseUrl.isEmpty()) {
            try {
                parsed = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                parsed = null;
            }
        }
        this.base = parsed != null && parsed.isAbsolute() ? parsed : null;
    }

    /** The absolute http(s) form of {@code href}, or "" when there is none. */
    String absolute(String href) {
        String h = href == null ? "" : href.strip();
        if (h.isEmpty() || h.charAt(0) == '#') {
            return "";
        }
        if (h.regionMatches(true, 0, "https://", 0, 8) || h.regionMatches(true, 0, "http://", 0, 7)) {
            return h;
        }
        int colon = h.indexOf(':');
        int slash = h.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) {
            String scheme = h.substring(0, colon).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? h : "";
        }
        if (base == null) {
            return "";
        }
        try {
            return base.resolve(h.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
