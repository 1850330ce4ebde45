package org.newsline.extract.article.metadata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads schema.org JSON-LD blocks: finds the article node (NewsArticle, Article, BlogPosting and their
 * kin, at top level, in an array or in {@code @graph}) and the values it declares. Broken JSON, which is
 * common in the wild, is tolerated where Jackson can (comments, trailing commas, control characters) and
 * otherwise skipped.
 */
final class JsonLdReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    /** Types that denote an article; any other type ending in "Article" counts too. */
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportage",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "socialmediaposting", "liveblogposting", "posting");

    private JsonNode article;
    private JsonNode website;
    private JsonNode organization;

    /** Adds one {@code <script type="application/ld+json">} block. */
    void add(String json) {
        if (json == null || json.isBlank() || json.length() > 2_000_000) {
            return;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json.strip());
        } catch (Exception e) {
            return; // malformed JSON-LD says nothing
        }
        visit(root, 0);
    }

    private void visit(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                visit(n, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("@graph")) {
            visit(node.get("@graph"), depth + 1);
        }
        if (article == null && isArticleType(node.get("@type"))) {
            article = node;
        } else if (website == null && hasType(node.get("@type"), "website")) {
            website = node;
        } else if (organization == null && (hasType(node.get("@type"), "organization")
                || hasType(node.get("@type"), "newsmediaorganization"))) {
            organization = node;
        }
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText("").toLowerCase(Locale.ROOT);
        int slash = t.lastIndexOf('/');
        if (slash >= 0) {
            t = t.substring(slash + 1);
        }
        return ARTICLE_TYPES.contains(t) || t.endsWith("article");
    }

    private static boolean hasType(JsonNode type, String wanted) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (hasType(t, wanted)) {
                    return true;
                }
            }
            return false;
        }
        return type.asText("").toLowerCase(Locale.ROOT).endsWith(wanted);
    }

    boolean hasArticle() {
        return article != null;
    }

    String headline() {
        String h = text(article, "headline");
        return h != null ? h : text(article, "name");
    }

    List<String> authors() {
        List<String> names = new ArrayList<>();
        if (article != null) {
            collectNames(article.get("author"), names);
            if (names.isEmpty()) {
                collectNames(article.get("creator"), names);
            }
        }
        return names;
    }

    private static void collectNames(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                collectNames(n, out);
            }
        } else if (node.isTextual()) {
            String s = node.asText().strip();
            if (!s.isEmpty() && !s.startsWith("http")) {
                out.add(s);
            }
        } else if (node.isObject()) {
            String name = text(node, "name");
            if (name != null) {
                out.add(name);
            }
        }
    }

    String datePublished() {
        String d = text(article, "datePublished");
        return d != null ? d : text(article, "dateCreated");
    }

    String dateModified() {
        return text(article, "dateModified");
    }

    String description() {
        return text(article, "description");
    }

    String language() {
        return text(article, "inLanguage");
    }

    String section() {
        return first(article == null ? null : article.get("articleSection"));
    }

    List<String> keywords() {
        List<String> out = new ArrayList<>();
        JsonNode k = article == null ? null : article.get("keywords");
        if (k == null) {
            return out;
        }
        if (k.isArray()) {
            for (JsonNode n : k) {
                if (n.isTextual() && !n.asText().isBlank()) {
                    out.add(n.asText().strip());
                }
            }
        } else if (k.isTextual()) {
            for (String s : k.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    String image() {
        JsonNode img = article == null ? null : article.get("image");
        if (img == null) {
            return null;
        }
        if (img.isArray()) {
            img = img.size() > 0 ? img.get(0) : null;
        }
        if (img == null) {
            return null;
        }
        if (img.isTextual()) {
            return img.asText();
        }
        String url = text(img, "url");
        return url != null ? url : text(img, "contentUrl");
    }

    String publisherName() {
        JsonNode pub = article == null ? null : article.get("publisher");
        if (pub != null && pub.isArray()) {
            pub = pub.size() > 0 ? pub.get(0) : null;
        }
        String name = pub != null && pub.isObject() ? text(pub, "name") : null;
        if (name == null) {
            name = text(website, "name");
        }
        if (name == null) {
            name = text(organization, "name");
        }
        return name;
    }

    String url() {
        String u = text(article, "url");
        if (u == null && article != null) {
            JsonNode main = article.get("mainEntityOfPage");
            if (main != null) {
                u = main.isTextual() ? main.asText() : text(main, "@id");
            }
        }
        return u;
    }

    /** Whether the article declares itself not free to read ({@code isAccessibleForFree: false}). */
    boolean notFree() {
        JsonNode free = article == null ? null : article.get("isAccessibleForFree");
        if (free == null) {
            return false;
        }
        return free.isBoolean() ? !free.asBoolean() : free.asText("").equalsIgnoreCase("false");
    }

    String articleBody() {
        return text(article, "articleBody");
    }

    private static String first(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.size() > 0 ? first(node.get(0)) : null;
        }
        String s = node.asText("").strip();
        return s.isEmpty() ? null : s;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return first(node.get(field));
    }
}
