package org.newsline.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmark's feeds and pages live: {@code feeds} RSS feeds of {@code items} items each, spread
 * round-robin over {@code addresses} loopback addresses 127.0.0.2, 127.0.0.3, ..., 127.0.0.255, 127.0.1.0, ...
 * (all of 127.0.0.0/8 reaches the loopback interface on Linux), one port. Feeds and pages of one feed are spread
 * over every address, so per-host politeness sees many hosts as it would on the real web.
 */
record SiteLayout(int addresses, int port, int feeds, int items) {

    static final int FIRST_HOST = 2;
    /** Addresses up to 127.0.255.255: enough hosts for any run, all on the loopback interface. */
    static final int MAX_ADDRESSES = 65_534;

    SiteLayout {
        if (addresses < 1 || addresses > MAX_ADDRESSES) {
            throw new IllegalArgumentException("addresses must be 1.." + MAX_ADDRESSES + ": " + addresses);
        }
        if (feeds < 1 || items < 1) {
            throw new IllegalArgumentException("feeds and items must be positive");
        }
    }

    int articles() {
        return feeds * items;
    }

    String host(int index) {
        int n = FIRST_HOST + Math.floorMod(index, addresses);
        return "127.0." + (n >> 8) + "." + (n & 0xff);
    }

    String feedUrl(int feed) {
        return "http://" + host(feed) + ":" + port + "/feeds/" + feed + ".xml";
    }

    /** The page of item {@code item} of {@code feed}; its number picks the host and the dev page it serves. */
    String pageUrl(int feed, int item) {
        int n = pageNumber(feed, item);
        return "http://" + host(n) + ":" + port + "/a/" + feed + "/" + item + ".html";
    }

    int pageNumber(int feed, int item) {
        return feed * items + item;
    }

    List<String> feedUrls() {
        List<String> urls = new ArrayList<>(feeds);
        for (int f = 0; f < feeds; f++) {
            urls.add(feedUrl(f));
        }
        return urls;
    }

    /** Every address as host:port, to allow-list exactly these in the fetch policy. */
    List<String> hostsAndPorts() {
        List<String> hosts = new ArrayList<>(addresses);
        for (int i = 0; i < addresses; i++) {
            hosts.add(host(i) + ":" + port);
        }
        return hosts;
    }
}
