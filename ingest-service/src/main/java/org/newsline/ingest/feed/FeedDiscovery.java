package org.newsline.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsline.ingest.http.FetchException;
import org.newsline.ingest.http.FetchResult;
import org.newsline.ingest.http.HttpFetcher;

/**
 * Finds the feed for a URL a user wants to subscribe: the URL itself if it is a feed; else, for an HTML page, the
 * feeds its {@code <link rel="alternate">} elements announce (RSS, Atom, JSON Feed, in page order); else the
 * well-known paths {@code /feed}, {@code /rss}, {@code /rss.xml}, {@code /atom.xml}, {@code /feed.xml},
 * {@code /index.xml} on the page's site. Every candidate is fetched and parsed before it is chosen.
 */
public final class FeedDiscovery {

    /** Paths tried on the site when the page announces no feed. */
    public static final List<String> WELL_KNOWN_PATHS =
            List.of("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml");

    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/rdf+xml", "application/json", "application/x.atom+xml",
            "application/x-atom+xml", "text/xml", "application/xml");
    private static final int MAX_ANNOUNCED = 5;

    private final HttpFetcher fetcher;
    private final FeedParser parser;

    public FeedDiscovery(HttpFetcher fetcher) {
        this(fetcher, new FeedParser());
    }

    public FeedDiscovery(HttpFetcher fetcher, FeedParser parser) {
        this.fetcher = fetcher;
        this.parser = parser;
    }

    /**
     * The feed for {@code url}.
     *
     * @throws FetchException     if {@code url} itself cannot be fetched (blocked, unreachable, 404...)
     * @throws FeedParseException if it is neither a feed nor a page that leads to one; the message lists what was
     *                            tried
     */
    public DiscoveredFeed discover(String url) throws FetchException, FeedParseException {
        FetchResult page = fetcher.fetch(url, null);
        // the body decides, not the Content-Type: feeds served as text/html are common
        boolean html = looksLikeHtml(page) || (page.isHtml() && !looksLikeFeed(page));
        if (!html) {
            try {
                ParsedFeed feed = parser.parse(page.body(), page.contentType(), page.finalUrl());
                return new DiscoveredFeed(page.finalUrl(), feed, "the URL is a feed");
            } catch (FeedParseException e) {
                throw new FeedParseException(e.getMessage() + " (" + page.finalUrl() + ")", e);
            }
        }
        List<String> tried = new ArrayList<>();
        Document doc = Jsoup.parse(page.text(), page.finalUrl());
        for (Element link : announcedFeeds(doc)) {
            String href = link.absUrl("href");
            DiscoveredFeed found = tryCandidate(href, "<link rel=alternate type=" + link.attr("type").strip()
                    + "> on " + page.finalUrl(), tried);
            if (found != null) {
                return found;
            }
        }
        String site = siteRoot(page.finalUrl());
        String why = tried.isEmpty() ? "the page announces no feed" : "no announced feed could be read";
        for (String path : WELL_KNOWN_PATHS) {
            DiscoveredFeed found = tryCandidate(site + path, "well-known path " + path + " (" + why + ")", tried);
            if (found != null) {
                return found;
            }
        }
        throw new FeedParseException("no feed found for " + url + ": " + why + " and none of "
                + String.join(", ", WELL_KNOWN_PATHS) + " is a feed; tried " + String.join("; ", tried));
    }

    private DiscoveredFeed tryCandidate(String candidate, String how, List<String> tried) {
        if (candidate == null || candidate.isEmpty()) {
            return null;
        }
        try {
            FetchResult r = fetcher.fetch(candidate, null);
            ParsedFeed feed = parser.parse(r.body(), r.contentType(), r.finalUrl());
            return new DiscoveredFeed(r.finalUrl(), feed, how);
        } catch (FetchException e) {
            tried.add(candidate + " (" + e.kind() + (e.status() == null ? "" : " " + e.status()) + ")");
        } catch (FeedParseException e) {
            tried.add(candidate + " (" + e.getMessage() + ")");
        }
        return null;
    }

    /** {@code <link rel=alternate>} elements with a feed type, in page order, at most a few. */
    private static List<Element> announcedFeeds(Document doc) {
        Set<String> seen = new LinkedHashSet<>();
        List<Element> out = new ArrayList<>();
        for (Element link : doc.select("link[rel][href]")) {
            Set<String> rels = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+"));
            String type = link.attr("type").toLowerCase(Locale.ROOT).trim();
            int semi = type.indexOf(';');
            if (semi >= 0) {
                type = type.substring(0, semi).trim();
            }
            if (rels.contains("alternate") && FEED_TYPES.contains(type) && seen.add(link.absUrl("href"))) {
                out.add(link);
                if (out.size() >= MAX_ANNOUNCED) {
                    break;
                }
            }
        }
        return out;
    }

    private static String siteRoot(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private static boolean looksLikeFeed(FetchResult page) {
        String head = org.newsline.ingest.http.ContentSniffer.skipXmlPreambleOf(
                org.newsline.ingest.http.ContentSniffer.head(page.body()));
        return head.startsWith("<rss") || head.startsWith("<feed") || head.startsWith("<rdf:rdf")
                || (head.startsWith("{") && head.contains("jsonfeed.org"));
    }

    private static boolean looksLikeHtml(FetchResult page) {
        return org.newsline.ingest.http.ContentSniffer.looksLikeHtml(page.body());
    }
}
