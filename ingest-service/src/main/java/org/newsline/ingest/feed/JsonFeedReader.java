package org.newsline.ingest.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsline.events.FeedItem;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson. */
final class JsonFeedReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Instant now;

    JsonFeedReader(Instant now) {
        this.now = now;
    }

    ParsedFeed read(String json, String feedUrl, DefectLog defects) throws FeedParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new FeedParseException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("not a feed: JSON that is not an object");
        }
        String version = string(root, "version");
        if (version == null || !version.contains("jsonfeed.org/version/")) {
            throw new FeedParseException("not a feed: JSON without a JSON Feed version");
        }
        if (!version.endsWith("/1") && !version.endsWith("/1.1")) {
            defects.add("unknown JSON Feed version read as 1.1", version);
        }
        String base = feedUrl;
        String feedAuthor = author(root);
        List<FeedItem> items = new ArrayList<>();
        JsonNode list = root.get("items");
        if (list != null && list.isArray()) {
            int index = 0;
            for (JsonNode item : list) {
                index++;
                if (!item.isObject()) {
                    defects.add("JSON Feed item that is not an object skipped", "item " + index);
                    continue;
                }
                items.add(item(item, base, feedAuthor, index, defects));
            }
        } else {
            defects.add("JSON Feed without an items array");
        }
        String site = FeedUrls.resolve(base, string(root, "home_page_url"));
        return new ParsedFeed(FeedElements.clean(string(root, "title")), FeedUrls.isHttp(site) ? site : null,
                items, null, defects.toList());
    }

    private FeedItem item(JsonNode item, String base, String feedAuthor, int index, DefectLog defects) {
        String link = FeedUrls.resolve(base, string(item, "url"));
        if (link == null) {
            link = FeedUrls.resolve(base, string(item, "external_url"));
        }
        if (link != null && !FeedUrls.isHttp(link)) {
            defects.add("item link is not http(s); ignored", "item " + index + ": " + link);
            link = null;
        }
        String summary = string(item, "summary");
        if (summary == null) {
            summary = string(item, "content_html");
        }
        if (summary == null) {
            summary = string(item, "content_text");
        }
        String rawDate = string(item, "date_published");
        if (rawDate == null) {
            rawDate = string(item, "date_modified");
        }
        Instant published = FeedDateParser.parse(rawDate);
        if (published == null && rawDate != null) {
            defects.add("unreadable date; item kept without date", "item " + index + ": " + rawDate);
        }
        if (published != null && published.isAfter(now.plus(FeedParser.FUTURE_TOLERANCE))) {
            defects.add("date in the future kept", "item " + index + ": " + published);
        }
        String author = author(item);
        return new FeedItem(FeedElements.clean(string(item, "title")), link, string(item, "id"), published,
                author == null ? feedAuthor : author, summary == null ? null : summary.strip());
    }

    /** 1.1 {@code authors} (names joined), else 1.0 {@code author}. */
    private static String author(JsonNode node) {
        JsonNode authors = node.get("authors");
        if (authors != null && authors.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode a : authors) {
                String name = string(a, "name");
                if (name != null) {
                    names.add(name);
                }
            }
            if (!names.isEmpty()) {
                return String.join(", ", names);
            }
        }
        JsonNode author = node.get("author");
        return author == null ? null : string(author, "name");
    }

    /** A string field; numbers (ids) are read as text, anything else as absent. */
    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !(v.isTextual() || v.isNumber())) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
