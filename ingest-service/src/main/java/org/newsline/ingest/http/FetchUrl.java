package org.newsline.ingest.http;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An absolute http or https URL ready to fetch: scheme checked, host in ASCII, port defaulted. Characters that
 * real feeds leave unescaped (spaces, {@code |}, non-ASCII) are percent-encoded rather than rejected.
 *
 * @param uri  the parsed URL
 * @param host the host in ASCII, lower case, without IPv6 brackets
 * @param port the port, defaulted from the scheme
 */
public record FetchUrl(URI uri, String host, int port) {

    /** Parses {@code url}; anything but an absolute http(s) URL with a host is {@link FetchException.Kind#INVALID_URL}. */
    public static FetchUrl parse(String url) throws FetchException {
        if (url == null || url.isBlank()) {
            throw invalid(String.valueOf(url), "empty URL");
        }
        URI uri;
        try {
            uri = new URI(escapeForUri(url.strip()));
        } catch (URISyntaxException e) {
            throw invalid(url, "malformed URL: " + e.getReason());
        }
        return of(uri, url);
    }

    /** {@code location} (a redirect target, possibly relative) resolved against {@code base}. */
    public static FetchUrl resolve(FetchUrl base, String location) throws FetchException {
        URI target;
        try {
            target = base.uri().resolve(new URI(escapeForUri(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid(location, "malformed redirect location");
        }
        return of(target, target.toString());
    }

    private static FetchUrl of(URI uri, String original) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(original, scheme.isEmpty() ? "not an absolute URL"
                    : "scheme '" + scheme + "' is not allowed, only http and https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(original, "URL has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw invalid(original, "bad host name");
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);   // "example.com." is example.com
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid(original, "bad port " + port);
        }
        return new FetchUrl(uri, host, port);
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** The request target: path and query, never empty. */
    public String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The {@code Host} header value. */
    public String hostHeader() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = port == (isHttps() ? 443 : 80);
        return defaultPort ? h : h + ":" + port;
    }

    /** The URL without fragment, as fetched. */
    public String toUrlString() {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    /**
     * {@code url} with what {@link URI} refuses made acceptable: a non-ASCII host converted to its IDN (punycode)
     * form, other characters outside URI syntax (spaces, {@code |}, non-ASCII) percent-encoded as UTF-8.
     */
    public static String escapeForUri(String url) {
        String s = url;
        int schemeEnd = s.indexOf("://");
        if (schemeEnd > 0) {
            int hostStart = schemeEnd + 3;
            int hostEnd = hostStart;
            while (hostEnd < s.length() && "/?#".indexOf(s.charAt(hostEnd)) < 0) {
                hostEnd++;
            }
            String authority = s.substring(hostStart, hostEnd);
            if (!authority.chars().allMatch(c -> c < 0x80)) {
                s = s.substring(0, hostStart) + idnAuthority(authority) + s.substring(hostEnd);
            }
        }
        return escapeIllegal(s);
    }

    private static String idnAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon);
        try {
            return userInfo + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port;
        } catch (IllegalArgumentException e) {
            return authority;   // left as it is; URI parsing will then refuse it
        }
    }

    private static String escapeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append(c);
            } else {
                int cp = Character.codePointAt(s, i);
                if (Character.charCount(cp) == 2) {
                    i++;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return out.toString();
    }

    private static FetchException invalid(String url, String message) {
        return new FetchException(FetchException.Kind.INVALID_URL, url, message);
    }
}
