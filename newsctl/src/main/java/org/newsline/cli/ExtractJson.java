package org.newsline.cli;

import java.time.Instant;
import java.util.List;
import org.newsline.events.Article;
import org.newsline.events.Statement;

/**
 * The JSON line {@code newsctl extract} prints for one file, written by hand in exactly the form the event codec
 * gives the same map (keys in alphabetical order, nulls written, ISO-8601 instants, the codec's string escapes).
 * A process that extracts a few hundred files would otherwise spend more time warming up the codec's
 * reflective serializers than writing.
 */
final class ExtractJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;

    private ExtractJson(int expected) {
        out = new StringBuilder(expected);
    }

    /** The line for {@code article} read from {@code file}; {@code explanation} is left out when null. */
    static String line(String file, String url, Article article, List<String> explanation) {
        ExtractJson json = new ExtractJson(article.text().length() + article.html().length() * 11 / 10 + 1024);
        StringBuilder out = json.out;
        out.append("{\"authors\":");
        json.strings(article.authors());
        if (explanation != null) {
            out.append(",\"explanation\":");
            json.strings(explanation);
        }
        out.append(",\"file\":");
        json.string(file);
        out.append(",\"html\":");
        json.string(article.html());
        out.append(",\"isArticle\":").append(article.isArticle());
        out.append(",\"language\":");
        json.string(article.language());
        out.append(",\"publishedAt\":");
        json.instant(article.publishedAt());
        out.append(",\"statements\":[");
        List<Statement> statements = article.statements();
        for (int i = 0; i < statements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            json.statement(statements.get(i));
        }
        out.append("],\"text\":");
        json.string(article.text());
        out.append(",\"title\":");
        json.string(article.title());
        out.append(",\"url\":");
        json.string(url);
        return out.append('}').toString();
    }

    /** The fields of {@code news.statements}, in the record's order. */
    private void statement(Statement s) {
        out.append("{\"schemaVersion\":").append(s.schemaVersion());
        out.append(",\"statementId\":");
        string(s.statementId());
        out.append(",\"articleId\":");
        string(s.articleId());
        out.append(",\"url\":");
        string(s.url());
        out.append(",\"extractorVersion\":");
        string(s.extractorVersion());
        out.append(",\"index\":").append(s.index());
        out.append(",\"quote\":");
        string(s.quote());
        out.append(",\"speaker\":");
        string(s.speaker());
        out.append(",\"speakerCanonical\":");
        string(s.speakerCanonical());
        out.append(",\"cue\":");
        string(s.cue());
        out.append(",\"kind\":");
        string(s.kind() == null ? null : s.kind().wireName());
        out.append(",\"start\":").append(s.start());
        out.append(",\"end\":").append(s.end());
        out.append(",\"publishedAt\":");
        instant(s.publishedAt());
        out.append('}');
    }

    private void strings(List<String> values) {
        if (values == null) {
            out.append("null");
            return;
        }
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
    }

    private void instant(Instant value) {
        if (value == null) {
            out.append("null");
        } else {
            out.append('"').append(value).append('"'); // Instant.toString is ISO_INSTANT, as the codec writes it
        }
    }

    /**
     * A JSON string: quote and backslash escaped, short escapes for backspace, tab, newline, form feed and carriage
     * return, a six-character escape with capital hex digits for the other control characters.
     */
    private void string(String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int run = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, run, s.length()).append('"');
    }
}
