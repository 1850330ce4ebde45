package org.newsline.ingest.http;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps count of the redirects of one fetch: resolves each {@code Location} against the URL that sent it,
 * refuses loops and more hops than the policy allows. Every hop is a fresh {@link FetchUrl}, so its scheme and
 * (through {@link AddressGuard}) its addresses are checked again.
 */
final class RedirectFollower {

    private final int maxRedirects;
    private final String originalUrl;
    private final Set<String> visited = new HashSet<>();
    private int redirects;

    RedirectFollower(String originalUrl, int maxRedirects) {
        this.originalUrl = originalUrl;
        this.maxRedirects = maxRedirects;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Records a visit to {@code url}. */
    void visit(FetchUrl url) {
        visited.add(url.toUrlString());
    }

    /** The next hop for a redirect from {@code from} to {@code location}. */
    FetchUrl next(FetchUrl from, String location) throws FetchException {
        if (location == null || location.isBlank()) {
            throw new FetchException(FetchException.Kind.PROTOCOL, from.toUrlString(), "redirect without Location");
        }
        FetchUrl next = FetchUrl.resolve(from, location);
        if (visited.contains(next.toUrlString())) {
            throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, originalUrl,
                    "redirect loop back to " + next.toUrlString());
        }
        if (++redirects > maxRedirects) {
            throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, originalUrl,
                    "more than " + maxRedirects + " redirects");
        }
        return next;
    }
}
