package org.newsline.extract.article.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads what a page says about itself, in one pass over the document, from (in order of trust) JSON-LD,
 * OpenGraph and other {@code meta} tags, microdata, {@code <time>}, and byline elements. Runs before the body
 * extractor, which never removes anything from the tree this reader needs.
 */
public final class MetadataReader {

    /** Byline elements longer than this are paragraphs, not bylines. */
    private static final int MAX_BYLINE_CHARS = 120;
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+(?:and|&)\\s+");

    private final Map<String, List<String>> meta = new HashMap<>();
    private final JsonLdReader jsonLd = new JsonLdReader();
    private final List<String> microAuthors = new ArrayList<>();
    private final List<String> bylines = new ArrayList<>();
    private String canonical;
    private String firstTime;
    private String microPublished;
    private String microModified;
    private boolean microArticle;
    private String firstH1;

    private MetadataReader() {
    }

    /** Reads the metadata of {@code doc}, appending the sources used to {@code explanation}. */
    public static PageMetadata read(Document doc, String url, List<String> explanation) {
        MetadataReader r = new MetadataReader();
        r.collect(doc);
        return r.resolve(doc, explanation);
    }

    private void collect(Document doc) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element) {
                    visit((Element) node);
                }
            }
        }, doc);
    }

    private void visit(Element el) {
        String tag = el.normalName();
        switch (tag) {
            case "meta":
                String key = el.attr("property");
                if (key.isEmpty()) {
                    key = el.attr("name");
                }
                if (key.isEmpty()) {
                    key = el.attr("itemprop");
                }
                if (key.isEmpty()) {
                    key = el.attr("http-equiv");
                }
                String content = el.attr("content").strip();
                if (!key.isEmpty() && !content.isEmpty()) {
                    meta.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(content);
                }
                return;
            case "link":
                if (canonical == null && el.attr("rel").equalsIgnoreCase("canonical")) {
                    String href = el.absUrl("href");
                    canonical = href.isEmpty() ? null : href;
                }
                return;
            case "script":
                if (el.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    StringBuilder sb = new StringBuilder();
                    for (DataNode d : el.dataNodes()) {
                        sb.append(d.getWholeData());
                    }
                    jsonLd.add(sb.toString());
                }
                return;
            case "time":
                if (firstTime == null) {
                    String dt = el.attr("datetime");
                    firstTime = dt.isEmpty() ? null : dt;
                }
                break;
            case "h1":
                if (firstH1 == null) {
                    String t = el.text().strip();
                    firstH1 = t.isEmpty() ? null : t;
                }
                break;
            default:
                break;
        }
        String itemtype = el.attr("itemtype");
        if (!itemtype.isEmpty()) {
            String t = itemtype.toLowerCase(Locale.ROOT);
            microArticle |= t.endsWith("article") || t.endsWith("blogposting");
        }
        String itemprop = el.attr("itemprop");
        if (!itemprop.isEmpty()) {
            switch (itemprop) {
                case "author":
                case "creator": {
                    Element name = el.selectFirst("[itemprop=name]");
                    String n = (name != null ? name.text() : el.text()).strip();
                    if (!n.isEmpty() && n.length() <= MAX_BYLINE_CHARS) {
                        microAuthors.add(n);
                    }
                    break;
                }
                case "datePublished":
                    microPublished = firstNonEmpty(el.attr("datetime"), el.attr("content"), el.text());
                    break;
                case "dateModified":
                    microModified = firstNonEmpty(el.attr("datetime"), el.attr("content"), el.text());
                    break;
                default:
                    break;
            }
        }
        if (bylines.size() < 3) {
            if (BylineNames.isByline(el.attr("class")) || BylineNames.isByline(el.attr("id"))
                    || (tag.equals("a") && el.attr("rel").equalsIgnoreCase("author"))) {
                String t = el.text().strip();
                if (!t.isEmpty() && t.length() <= MAX_BYLINE_CHARS) {
                    bylines.add(t);
                }
            }
        }
    }

    private PageMetadata resolve(Document doc, List<String> explanation) {
        List<String> sources = new ArrayList<>();
        String siteName = clean(firstNonEmpty(meta("og:site_name"), jsonLd.publisherName(),
                meta("application-name")));
        String title = clean(firstNonEmpty(jsonLd.headline(), meta("og:title"), meta("twitter:title")));
        if (title == null) {
            title = clean(firstNonEmpty(firstH1, stripSiteName(doc.title(), siteName)));
        }
        List<String> authors = authors();
        Instant published = firstDate(jsonLd.datePublished(), meta("article:published_time"),
                meta("datepublished"), microPublished, meta("pubdate"), meta("publishdate"), meta("date"),
                meta("dc.date"), meta("dc.date.issued"), meta("sailthru.date"), firstTime);
        Instant modified = firstDate(jsonLd.dateModified(), meta("article:modified_time"),
                meta("og:updated_time"), meta("datemodified"), microModified);
        String language = language(doc);
        String description = clean(firstNonEmpty(meta("og:description"), meta("description"),
                meta("twitter:description"), jsonLd.description()));
        String image = absolute(doc, firstNonEmpty(meta("og:image"), meta("og:image:url"),
                meta("twitter:image"), meta("twitter:image:src"), jsonLd.image()));
        String canonicalUrl = firstNonEmpty(canonical, absolute(doc, meta("og:url")),
                absolute(doc, jsonLd.url()));
        String section = clean(firstNonEmpty(meta("article:section"), jsonLd.section()));
        List<String> tags = tags();
        boolean declared = jsonLd.hasArticle() || microArticle
                || "article".equalsIgnoreCase(meta("og:type"));
        if (jsonLd.hasArticle()) {
            sources.add("JSON-LD article");
        }
        if (!meta.isEmpty()) {
            sources.add("meta tags");
        }
        if (microArticle) {
            sources.add("microdata article");
        }
        explanation.add("metadata: " + (sources.isEmpty() ? "none declared" : String.join(", ", sources))
                + (declared ? "; declares an article" : ""));
        return new PageMetadata(title, authors, published, modified, language, siteName, description, image,
                canonicalUrl, section, tags, declared, jsonLd.notFree(), jsonLd.articleBody());
    }

    private List<String> authors() {
        Set<String> out = new LinkedHashSet<>();
        for (String a : jsonLd.authors()) {
            addAuthor(out, a);
        }
        if (out.isEmpty()) {
            for (String key : new String[] {"author", "article:author", "dc.creator", "sailthru.author"}) {
                for (String a : meta.getOrDefault(key, List.of())) {
                    for (String part : NAME_SEPARATOR.split(a)) {
                        addAuthor(out, part);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            microAuthors.forEach(a -> addAuthor(out, a));
        }
        if (out.isEmpty()) {
            for (String b : bylines) {
                for (String part : NAME_SEPARATOR.split(stripByPrefix(b))) {
                    addAuthor(out, part);
                }
                if (!out.isEmpty()) {
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void addAuthor(Set<String> out, String name) {
        String n = clean(name == null ? null : stripByPrefix(name));
        if (n == null || n.startsWith("http") || n.length() > 80 || n.indexOf('@') >= 0) {
            return;
        }
        out.add(n);
    }

    /** Bylines often start with a "By" word; keep only the names. */
    private static String stripByPrefix(String s) {
        String t = s.strip();
        if (t.regionMatches(true, 0, "by ", 0, 3)) {
            t = t.substring(3);
        }
        int bar = t.indexOf('|');
        return bar > 0 ? t.substring(0, bar) : t;
    }

    private List<String> tags() {
        Set<String> out = new LinkedHashSet<>();
        for (String t : meta.getOrDefault("article:tag", List.of())) {
            addTag(out, t);
        }
        if (out.isEmpty()) {
            jsonLd.keywords().forEach(t -> addTag(out, t));
        }
        if (out.isEmpty()) {
            for (String key : new String[] {"news_keywords", "keywords"}) {
                for (String v : meta.getOrDefault(key, List.of())) {
                    for (String t : v.split(",")) {
                        addTag(out, t);
                    }
                }
                if (!out.isEmpty()) {
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void addTag(Set<String> out, String tag) {
        String t = clean(tag);
        if (t != null && t.length() <= 100 && out.size() < 50) {
            out.add(t);
        }
    }

    private String language(Document doc) {
        Element html = htmlElement(doc);
        String lang = firstNonEmpty(html == null ? null : html.attr("lang"), jsonLd.language(),
                meta("content-language"), meta("og:locale"), meta("language"));
        if (lang == null) {
            return null;
        }
        String tag = lang.strip().replace('_', '-');
        int comma = tag.indexOf(',');
        if (comma > 0) {
            tag = tag.substring(0, comma);
        }
        String normal = Locale.forLanguageTag(tag).toLanguageTag();
        return normal.equals("und") ? null : normal;
    }

    /** The {@code html} element, which the parser puts at the top: no selector query needed to find it. */
    private static Element htmlElement(Document doc) {
        for (Element child : doc.children()) {
            if (child.normalName().equals("html")) {
                return child;
            }
        }
        return doc.selectFirst("html");
    }

    private String meta(String key) {
        List<String> values = meta.get(key);
        return values == null ? null : values.get(0);
    }

    private static Instant firstDate(String... values) {
        for (String v : values) {
            Instant i = DateParser.parse(v);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    /** {@code <title>} often appends the site name ("Headline | Site"); drop it when it is there. */
    private static String stripSiteName(String title, String siteName) {
        if (title == null || siteName == null) {
            return title;
        }
        for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
            int i = title.lastIndexOf(sep);
            if (i > 0 && title.substring(i + sep.length()).strip().equalsIgnoreCase(siteName)) {
                return title.substring(0, i);
            }
        }
        return title;
    }

    private static String absolute(Document doc, String url) {
        if (url == null) {
            return null;
        }
        String base = doc.location();
        if (base == null || base.isEmpty()) {
            return url;
        }
        try {
            return java.net.URI.create(base).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Collapses whitespace, decodes leftover entities; null when nothing is left. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.indexOf('&') >= 0 ? Parser.unescapeEntities(s, false) : s;
        t = collapseWhitespace(t).strip();
        return t.isEmpty() ? null : t;
    }

    /** Each run of whitespace (as the regex {@code [\\s\\u00a0]+} finds it) as one space. */
    private static String collapseWhitespace(String s) {
        StringBuilder sb = null;
        boolean space = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean isSpace = c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r'
                    || c == '\u00a0';
            if (isSpace && (space || c != ' ') && sb == null) {
                sb = new StringBuilder(n).append(s, 0, space ? i - 1 : i); // the first run that is not one space
                if (space) {
                    sb.append(' ');
                }
            }
            if (sb != null) {
                if (!isSpace) {
                    sb.append(c);
                } else if (!space) {
                    sb.append(' ');
                }
            }
            space = isSpace;
        }
        return sb == null ? s : sb.toString();
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
