package org.newsline.cli.demo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders the demo site's pages the way real news sites look: navigation, a cookie banner, share bars, a
 * sidebar, related links, a newsletter box, reader comments and a comment form around the article.
 */
final class DemoPages {

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private DemoPages() {
    }

    static String article(String base, DemoArticle a, List<DemoArticle> all) {
        StringBuilder body = new StringBuilder();
        for (String p : a.paragraphs()) {
            body.append("      <p>").append(escape(p)).append("</p>\n");
        }
        StringBuilder related = new StringBuilder();
        StringBuilder mostRead = new StringBuilder();
        for (DemoArticle other : all) {
            if (other != a) {
                related.append("        <li><a href=\"/news/").append(other.slug()).append(".html\">")
                        .append(escape(other.title())).append("</a></li>\n");
                mostRead.append("        <li><a href=\"/news/").append(other.slug()).append(".html\">")
                        .append(escape(other.title())).append("</a> <span class=\"count\">1.2k reads</span></li>\n");
            }
        }
        String url = base + "/news/" + a.slug() + ".html";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>%1$s | The Demo Courier</title>
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="description" content="%2$s">
                  <meta property="og:type" content="article">
                  <meta property="og:title" content="%1$s">
                  <meta property="og:site_name" content="The Demo Courier">
                  <meta property="og:url" content="%3$s">
                  <meta name="author" content="%4$s">
                  <link rel="canonical" href="%3$s">
                  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%5$s","datePublished":"%6$s","author":{"@type":"Person","name":"%4$s"},"articleSection":"%7$s","publisher":{"@type":"Organization","name":"The Demo Courier"}}</script>
                  <link rel="alternate" type="application/rss+xml" title="The Demo Courier" href="/feed.xml">
                </head>
                <body class="single single-post">
                  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Manage preferences</a></div>
                  <header class="site-header">
                    <a class="logo" href="/">The Demo Courier</a>
                    <nav class="main-nav"><ul>
                      <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
                      <li><a href="/business">Business</a></li><li><a href="/science">Science</a></li>
                      <li><a href="/local">Local</a></li><li><a href="/culture">Culture</a></li>
                      <li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li>
                    </ul></nav>
                  </header>
                  <div class="ad ad-leaderboard">Advertisement</div>
                  <main id="content">
                    <article class="post">
                      <h1 class="entry-title">%1$s</h1>
                      <div class="byline">By <a rel="author" href="/authors/%8$s">%4$s</a> · <time datetime="%6$s">%9$s</time> · %7$s</div>
                      <ul class="share-bar">
                        <li><a href="https://twitter.com/intent/tweet?url=%3$s">Share on X</a></li>
                        <li><a href="https://www.facebook.com/sharer.php?u=%3$s">Share on Facebook</a></li>
                        <li><a href="mailto:?subject=%1$s">Email</a></li>
                      </ul>
                      <div class="entry-content">
                %10$s      </div>
                      <div class="tags">Tags: <a href="/tag/%8$s">%7$s</a></div>
                    </article>
                    <section class="newsletter-signup">
                      <h3>Get the morning briefing</h3>
                      <p>The day's top stories, in your inbox every morning.</p>
                      <form action="/newsletter" method="post"><input type="email" name="email" placeholder="Your email"><button>Sign up</button></form>
                    </section>
                    <section class="related-posts">
                      <h3>Related stories</h3>
                      <ul>
                %11$s      </ul>
                    </section>
                    <section id="comments" class="comments-area">
                      <h3>2 thoughts on “%1$s”</h3>
                      <ol class="comment-list">
                        <li class="comment"><div class="comment-author">river_watcher</div><div class="comment-content"><p>Great reporting as always. I said months ago that this would happen, “and nobody listened to the people who live here,” as my neighbour put it.</p></div></li>
                        <li class="comment"><div class="comment-author">Pat M.</div><div class="comment-content"><p>Thanks for covering this. Please keep following the story and tell us what happens next week.</p></div></li>
                      </ol>
                      <div id="respond" class="comment-respond">
                        <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
                        <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
                          <p class="comment-notes">Fill in your details below or click an icon to log in:</p>
                          <p>You are commenting using your account. <a href="/logout">Log Out</a> / <a href="/account">Change</a></p>
                          <p class="comment-form-comment"><textarea id="comment" name="comment"></textarea></p>
                          <p class="form-submit"><input type="submit" value="Post Comment"></p>
                          <p class="status">Connecting to %%s</p>
                        </form>
                      </div>
                    </section>
                  </main>
                  <aside class="sidebar widget-area">
                    <section class="widget most-read"><h3>Most read</h3><ol>
                %12$s    </ol></section>
                    <section class="widget ad">Advertisement</section>
                  </aside>
                  <footer class="site-footer">
                    <p>© 2026 The Demo Courier. All rights reserved.</p>
                    <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
                  </footer>
                </body>
                </html>
                """.formatted(escape(a.title()), escape(a.paragraphs().get(0)), url, escape(a.author()),
                jsonEscape(a.title()), a.published().toString(), escape(a.section()), slugOf(a.author()),
                RFC_822.format(a.published()), body, related, mostRead);
    }

    static String feed(String base, String title, List<DemoArticle> articles) {
        StringBuilder items = new StringBuilder();
        for (DemoArticle a : articles) {
            String url = base + "/news/" + a.slug() + ".html";
            // a tracking parameter, as real feeds add: the article id ignores it
            items.append("""
                        <item>
                          <title>%s</title>
                          <link>%s?utm_source=rss&amp;utm_medium=feed</link>
                          <guid isPermaLink="false">demo-%s</guid>
                          <pubDate>%s</pubDate>
                          <dc:creator>%s</dc:creator>
                          <description>%s</description>
                        </item>
                    """.formatted(escape(a.title()), url, a.slug(), RFC_822.format(a.published()),
                    escape(a.author()), escape(a.paragraphs().get(0))));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>%s</title>
                    <link>%s/</link>
                    <description>Sample news for the Newsline demo</description>
                    <ttl>5</ttl>
                %s  </channel>
                </rss>
                """.formatted(escape(title), base, items);
    }

    static String home(List<String> feeds) {
        StringBuilder links = new StringBuilder();
        for (String f : feeds) {
            links.append("<li><a href=\"").append(f).append("\">").append(f).append("</a></li>");
        }
        return "<!DOCTYPE html><html><head><title>The Demo Courier</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head>"
                + "<body><h1>The Demo Courier</h1><ul>" + links + "</ul></body></html>";
    }

    private static String slugOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
