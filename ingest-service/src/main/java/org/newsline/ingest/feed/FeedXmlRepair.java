package org.newsline.ingest.feed;

import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Makes the XML of a feed parseable without changing what it says, recording each repair: drops anything before
 * the first tag (a BOM, whitespace, a stray PHP warning) and the XML declaration (the text is already decoded);
 * removes the DOCTYPE, so no entity it declares is ever expanded (XXE, billion laughs) and no DTD is fetched;
 * turns HTML entities the feed never declared ({@code &nbsp;}) into character references; escapes a bare
 * {@code &}; drops characters XML forbids. CDATA sections, comments and processing instructions are copied as
 * they are.
 */
final class FeedXmlRepair {

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final int MAX_ENTITY_NAME = 32;

    private FeedXmlRepair() {
    }

    static String repair(String text, DefectLog defects) {
        String s = text;
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
            defects.add("byte order mark before the XML declaration");
        }
        int firstTag = s.indexOf('<');
        if (firstTag < 0) {
            return s;
        }
        if (firstTag > 0) {
            String before = s.substring(0, firstTag);
            defects.add(before.isBlank() ? "whitespace before the XML declaration" : "text before the XML: "
                    + abbreviate(before.strip()));
            s = s.substring(firstTag);
        }
        if (s.startsWith("<?xml") && s.length() > 5 && (Character.isWhitespace(s.charAt(5)) || s.charAt(5) == '?')) {
            int end = s.indexOf("?>");
            if (end > 0) {
                s = s.substring(end + 2);
            }
        }
        return repairBody(s, defects);
    }

    private static String repairBody(String s, DefectLog defects) {
        if (needsNoRepair(s)) {
            return s;   // most feeds: copying them character by character was a tenth of a poll's CPU
        }
        StringBuilder out = new StringBuilder(s.length() + 64);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                if (s.startsWith("<![CDATA[", i)) {
                    i = copyThrough(s, i, "]]>", out);
                    continue;
                }
                if (s.startsWith("<!--", i)) {
                    i = copyThrough(s, i, "-->", out);
                    continue;
                }
                if (s.startsWith("<?", i)) {
                    i = copyThrough(s, i, "?>", out);
                    continue;
                }
                if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                    int end = endOfDoctype(s, i);
                    String doctype = s.substring(i, end);
                    if (doctype.contains("[")) {
                        defects.add("DOCTYPE with an internal subset removed; its entities are not expanded");
                    } else {
                        defects.add("DOCTYPE removed");
                    }
                    i = end;
                    continue;
                }
                out.append(c);
                i++;
            } else if (c == '&') {
                i = repairReference(s, i, out, defects);
            } else if (isXmlChar(c) || Character.isSurrogate(c)) {
                out.append(c);
                i++;
            } else {
                defects.add("character not allowed in XML removed", String.format("U+%04X", (int) c));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * True if {@link #repairBody} would return {@code s} unchanged and record nothing: every {@code &} starts a
     * reference XML knows, there is no DOCTYPE, and no character XML forbids. Conservative: a body it rejects
     * only takes the slow path.
     */
    private static boolean needsNoRepair(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '&') {
                if (!isXmlReference(s, i)) {
                    return false;
                }
            } else if (c == '<') {
                if (i + 1 < n && s.charAt(i + 1) == '!' && s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                    return false;
                }
            } else if (c < 0x20 || c > 0xD7FF) {
                if (!isXmlChar(c) && !Character.isSurrogate(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True if a reference XML accepts as it is starts at {@code at}: one of its five entities or a character it allows. */
    private static boolean isXmlReference(String s, int at) {
        int n = s.length();
        int j = at + 1;
        if (j < n && s.charAt(j) == '#') {
            boolean hex = j + 1 < n && (s.charAt(j + 1) == 'x' || s.charAt(j + 1) == 'X');
            int k = hex ? j + 2 : j + 1;
            int digitsStart = k;
            while (k < n && k - digitsStart < 8 && (hex ? isHex(s.charAt(k)) : Character.isDigit(s.charAt(k)))) {
                k++;
            }
            if (k == digitsStart || k >= n || s.charAt(k) != ';') {
                return false;
            }
            long cp = Long.parseLong(s.substring(digitsStart, k), hex ? 16 : 10);
            return cp <= Character.MAX_CODE_POINT && isXmlCodePoint((int) cp);
        }
        for (String name : XML_ENTITIES) {
            if (s.startsWith(name, j) && j + name.length() < n && s.charAt(j + name.length()) == ';') {
                return true;
            }
        }
        return false;
    }

    /** Copies a reference that XML accepts, or repairs it; returns the index after what was consumed. */
    private static int repairReference(String s, int at, StringBuilder out, DefectLog defects) {
        int n = s.length();
        int j = at + 1;
        if (j < n && s.charAt(j) == '#') {
            boolean hex = j + 1 < n && (s.charAt(j + 1) == 'x' || s.charAt(j + 1) == 'X');
            int k = hex ? j + 2 : j + 1;
            int digitsStart = k;
            while (k < n && k - digitsStart < 8 && (hex ? isHex(s.charAt(k)) : Character.isDigit(s.charAt(k)))) {
                k++;
            }
            if (k > digitsStart && k < n && s.charAt(k) == ';') {
                long cp = Long.parseLong(s.substring(digitsStart, k), hex ? 16 : 10);
                if (cp <= Character.MAX_CODE_POINT && isXmlCodePoint((int) cp)) {
                    out.append(s, at, k + 1);
                } else {
                    defects.add("character reference to a character XML forbids removed", s.substring(at, k + 1));
                }
                return k + 1;
            }
            out.append("&amp;");
            defects.add("bare & escaped");
            return at + 1;
        }
        int k = j;
        while (k < n && k - j <= MAX_ENTITY_NAME && isNameChar(s.charAt(k))) {
            k++;
        }
        if (k > j && k < n && s.charAt(k) == ';' && Character.isLetter(s.charAt(j))) {
            String name = s.substring(j, k);
            if (XML_ENTITIES.contains(name)) {
                out.append(s, at, k + 1);
            } else if (Entities.isNamedEntity(name)) {
                String value = Entities.getByName(name);
                value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                defects.add("undeclared HTML entity replaced", "&" + name + ";");
            } else {
                // an entity nobody declared (or one the removed DOCTYPE declared): keep it as visible text
                out.append("&amp;").append(name).append(';');
                defects.add("unknown entity kept as text", "&" + name + ";");
            }
            return k + 1;
        }
        out.append("&amp;");
        defects.add("bare & escaped");
        return at + 1;
    }

    /** The index after the DOCTYPE starting at {@code at}, skipping an internal subset, quotes and comments. */
    private static int endOfDoctype(String s, int at) {
        int n = s.length();
        int depth = 0;
        char quote = 0;
        for (int i = at + 9; i < n; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth > 0 && s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                i = end < 0 ? n - 1 : end + 2;
            } else if (c == '>' && depth == 0) {
                return i + 1;
            }
        }
        return n;
    }

    private static int copyThrough(String s, int at, String terminator, StringBuilder out) {
        int end = s.indexOf(terminator, at);
        int stop = end < 0 ? s.length() : end + terminator.length();
        out.append(s, at, stop);
        return stop;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean isXmlChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private static boolean isXmlCodePoint(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
