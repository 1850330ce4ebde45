package org.newsline.ingest.http;

/**
 * Run in a JVM of its own by {@link HttpFetcherHostileInputTest}, with {@code -Djdk.net.hosts.file} pointing at a
 * hosts file: fetches each URL given with the default policy and the system resolver, and prints one line per URL,
 * {@code OK} or the {@link FetchException.Kind}. It stops at the first URL that is not refused, so that a broken
 * guard never goes on to reach for a private network.
 */
public final class HostsFileFetch {

    private HostsFileFetch() {
    }

    public static void main(String[] urls) {
        HttpFetcher fetcher = new HttpFetcher(FetchPolicy.defaults(), HostResolver.SYSTEM);
        for (String url : urls) {
            try {
                fetcher.fetch(url, null);
                System.out.println(url + " OK");
                return;
            } catch (FetchException e) {
                System.out.println(url + " " + e.kind());
            }
        }
    }
}
