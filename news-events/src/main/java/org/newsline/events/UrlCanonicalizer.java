package org.newsline.events;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of a URL from which article and feed ids are computed: the scheme folded to https, the
 * host lower-cased (IDN to ASCII) with one leading {@code www.} removed, default ports, user info, fragments
 * and tracking parameters dropped, dot segments resolved, the remaining query parameters sorted.
 *
 * <p>Only the URL an article was found at is canonicalised; a page's own {@code rel=canonical} never is.
 */
public final class UrlCanonicalizer {

    /** Query parameters that track a click rather than name a resource. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "li_fat_id",
            "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid", "rb_clickid", "s_kwcid", "ncid",
            "ocid", "cmpid", "smid", "sr_share", "ref_src", "ref_url", "__twitter_impression");

    private static final String TRACKING_PREFIX = "utm_";

    private UrlCanonicalizer() {
    }

    /**
     * The canonical form of {@code url}.
     *
     * @throws InvalidUrlException if it is not an absolute http or https URL with a host
     */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidUrlException(String.valueOf(url), "empty URL");
        }
        URI uri = parse(url.strip());
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidUrlException(url, "not an http or https URL");
        }
        String host = canonicalHost(uri, url);
        int port = uri.getPort();
        String portPart = port == -1 || port == 80 || port == 443 ? "" : ":" + port;

        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        path = normalizeEscapes(removeDotSegments(path));

        String query = canonicalQuery(uri.getRawQuery());
        return "https://" + host + portPart + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** The canonical host of {@code url}: lower case, ASCII, one leading {@code www.} removed. */
    public static String canonicalHost(String url) {
        return canonicalHost(parse(url.strip()), url);
    }

    private static String canonicalHost(URI uri, String original) {
        String host = uri.getHost();
        if (host == null) {
            // URI leaves the host null for names it considers illegal (underscores, for instance)
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new InvalidUrlException(original, "URL has no host");
            }
            int at = authority.lastIndexOf('@');
            host = authority.substring(at + 1);
            int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
            if (colon > 0) {
                host = host.substring(0, colon);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new InvalidUrlException(original, "URL has no host");
        }
        if (!host.startsWith("[")) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new InvalidUrlException(original, "invalid host name");
            }
        }
        if (host.startsWith("www.") && host.length() > 4) {
            host = host.substring(4);
        }
        return host;
    }

    private static URI parse(String url) {
        try {
            return new URI(escapeIllegalCharacters(asciiHost(url)));
        } catch (URISyntaxException e) {
            throw new InvalidUrlException(url, "unparseable URL (" + e.getReason() + ")");
        }
    }

    /** Turns an internationalised host name into its ASCII (punycode) form, leaving the rest alone. */
    private static String asciiHost(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        boolean ascii = authority.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return url;
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        String port = colon >= 0 ? hostPort.substring(colon) : "";
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException(url, "invalid host name");
        }
        return url.substring(0, start) + userInfo + host + port + url.substring(end);
    }

    /** Percent-encodes what browsers accept in links but {@link URI} does not: spaces, non-ASCII, pipes. */
    private static String escapeIllegalCharacters(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean legal = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
                legal = false;
            }
            if (legal) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            int cp = url.codePointAt(i);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out == null ? url : out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.contains(name)) {
                continue;
            }
            kept.add(normalizeEscapes(pair));
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    /** Upper-cases percent escapes and decodes those of unreserved characters. */
    private static String normalizeEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                int value = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if ((value >= 'a' && value <= 'z') || (value >= 'A' && value <= 'Z') || (value >= '0' && value <= '9')
                        || value == '-' || value == '.' || value == '_' || value == '~') {
                    out.append((char) value);
                } else {
                    out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 3986 section 5.2.4. */
    private static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.add("");
                }
            } else if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(seg);
            }
        }
        return "/" + String.join("/", out);
    }
}
