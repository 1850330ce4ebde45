package org.newsline.extract.article;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Writes the chosen container as plain text (paragraphs separated by a blank line) and minimal clean HTML (p,
 * h2-h4, lists, blockquote, figure/figcaption, links with absolute href, tables). Skips what the analysis
 * dropped, prunes link-heavy sub-containers, and leaves link-heavy runs out. Captions go to the HTML only:
 * they describe a picture, they are not the article's prose.
 */
final class CleanHtmlWriter {

    /** The written body. */
    record Body(String text, String html, int paragraphs, int chars) {
        static final Body EMPTY = new Body("", "", 0, 0);
    }

    private final PageAnalysis analysis;
    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder html = new StringBuilder();
    private final StringBuilder runText = new StringBuilder();
    private final StringBuilder runHtml = new StringBuilder();
    private int runVisible;
    private int runLink;
    private int linkDepth;
    /** Whitespace was seen since the last word: a space goes before the next one. */
    private boolean pendingSpace;
    /** Links opened in the current run and not closed yet. */
    private int runOpenLinks;
    private int captionDepth;
    /** Innermost open output element that takes inline content directly (p, li, td, h2...), or null. */
    private final List<String> leafStack = new ArrayList<>();
    private final List<Integer> openedAt = new ArrayList<>();
    private final List<String> openedTag = new ArrayList<>();
    private final List<Element> openedFor = new ArrayList<>();

    private final LinkResolver links;
    /** The page title reduced to lower-case letters and digits, or empty: a run repeating it is not body. */
    private final String titleKey;

    private CleanHtmlWriter(PageAnalysis analysis, String title) {
        this.analysis = analysis;
        this.titleKey = title == null ? "" : lettersAndDigits(title);
        this.links = new LinkResolver(analysis.root() == null ? "" : analysis.root().element.baseUri());
    }

    /** Writes {@code container}'s kept content, leaving out a repeat of {@code title} (may be null). */
    static Body write(PageAnalysis analysis, Element container, String title) {
        CleanHtmlWriter w = new CleanHtmlWriter(analysis, title);
        w.walk(container);
        String text = String.join("\n\n", w.paragraphs);
        return new Body(text, w.html.toString(), w.paragraphs.size(), text.length());
    }

    private void walk(Element container) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode) {
                    appendText(((TextNode) node).getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Element el = (Element) node;
                String tag = el.normalName();
                if (tag.equals("br")) {
                    flush();
                    return FilterResult.CONTINUE;
                }
                ElementStats s = analysis.get(el);
                if (s == null || tag.equals("h1")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (s.block) {
                    if (el != container && isPruned(s)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    flush();
                    open(el, tag);
                } else if (tag.equals("a")) {
                    linkDepth++;
                    runOpenLinks++;
                    if (pendingSpace && runText.length() > 0) {
                        // the space before a link belongs outside it
                        runText.append(' ');
                        runHtml.append(' ');
                        pendingSpace = false;
                    }
                    String href = links.absolute(el.attr("href"));
                    if (!href.isEmpty()) {
                        runHtml.append("<a href=\"").append(Entities.escape(href)).append("\">");
                    } else {
                        runHtml.append("<a>");
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element)) {
                    return FilterResult.CONTINUE;
                }
                Element el = (Element) node;
                String tag = el.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                    if (runOpenLinks > 0) {
                        runOpenLinks--;
                        runHtml.append("</a>");
                    }
                } else if (HtmlTags.BLOCK.contains(tag)) {
                    flush();
                    close(el);
                }
                return FilterResult.CONTINUE;
            }
        }, container);
        flush();
    }

    /**
     * A sub-container that is mostly links (related stories, tag lists, share bars) is left out. Paragraph-like
     * leaves are judged by their own runs in {@link #flush()}, which lets long link-rich sentences through.
     */
    private static boolean isPruned(ElementStats s) {
        if (s.total == 0 || s.linkDensity() <= ExtractionSettings.PRUNE_MIN_LINK_DENSITY) {
            return false;
        }
        switch (s.element.normalName()) {
            case "p":
            case "pre":
            case "dd":
            case "dt":
                return false;
            default:
                return !HtmlTags.isHeading(s.element.normalName());
        }
    }

    private void open(Element el, String tag) {
        String out = outputTag(tag);
        if (out == null) {
            return;
        }
        if (tag.equals("figure") || tag.equals("figcaption")) {
            captionDepth++;
        }
        openedFor.add(el);
        openedTag.add(out);
        if (isLeaf(out)) {
            leafStack.add(out);
            openedAt.add(-1);
        } else {
            openedAt.add(html.length());
            html.append('<').append(out).append('>');
        }
    }

    private void close(Element el) {
        int last = openedFor.size() - 1;
        if (last < 0 || openedFor.get(last) != el) {
            return;
        }
        String out = openedTag.remove(last);
        int at = openedAt.remove(last);
        openedFor.remove(last);
        String tag = el.normalName();
        if (tag.equals("figure") || tag.equals("figcaption")) {
            captionDepth--;
        }
        if (isLeaf(out)) {
            leafStack.remove(leafStack.size() - 1);
        } else if (html.length() == at + out.length() + 2) {
            html.setLength(at); // nothing inside: leave no empty list or table behind
        } else {
            html.append("</").append(out).append('>');
        }
    }

    private static boolean isLeaf(String out) {
        switch (out) {
            case "p":
            case "li":
            case "td":
            case "th":
            case "h2":
            case "h3":
            case "h4":
            case "figcaption":
                return true;
            default:
                return false;
        }
    }

    /** The clean-HTML tag a source tag becomes, or null when only its content is kept. */
    private static String outputTag(String tag) {
        switch (tag) {
            case "p":
            case "ul":
            case "ol":
            case "li":
            case "blockquote":
            case "figure":
            case "figcaption":
            case "table":
            case "tr":
            case "td":
            case "th":
            case "h2":
            case "h3":
            case "h4":
                return tag;
            case "h5":
            case "h6":
                return "h4";
            case "dt":
            case "dd":
            case "pre":
                return "p";
            default:
                return null;
        }
    }

    /** Appends a text node to the current run, collapsing whitespace, a word at a time. */
    private void appendText(String text) {
        int n = text.length();
        int i = 0;
        int visible = 0;
        while (i < n) {
            int wordStart = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > wordStart) {
                if (runText.length() > 0 && pendingSpace) {
                    runText.append(' ');
                    runHtml.append(' ');
                }
                pendingSpace = false;
                runText.append(text, wordStart, i);
                appendEscaped(text, wordStart, i);
                visible += i - wordStart;
            }
            if (i < n) {
                pendingSpace = true;
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
            }
        }
        runVisible += visible;
        if (linkDepth > 0) {
            runLink += visible;
        }
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00a0' || (c >= '\u2000' && c <= '\u200b') || c == '\u3000';
    }

    private void appendEscaped(String text, int from, int to) {
        int last = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            String entity = c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : null;
            if (entity != null) {
                runHtml.append(text, last, i).append(entity);
                last = i + 1;
            }
        }
        runHtml.append(text, last, to);
    }

    /** Whether the current run is the page title again (a headline repeated in the body box). */
    private boolean repeatsTitle() {
        if (titleKey.length() < ExtractionSettings.TITLE_REPEAT_MIN_CHARS
                || runVisible > titleKey.length() * 2 + 10) {
            return false;
        }
        String run = lettersAndDigits(runText);
        if (run.length() < ExtractionSettings.TITLE_REPEAT_MIN_CHARS) {
            return false;
        }
        String shorter = run.length() <= titleKey.length() ? run : titleKey;
        String longer = shorter == run ? titleKey : run;
        return longer.startsWith(shorter)
                && shorter.length() >= ExtractionSettings.TITLE_REPEAT_MIN_SHARE * longer.length();
    }

    static String lettersAndDigits(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Ends the current run of inline text: emits it as a paragraph unless it is empty or mostly links. */
    private void flush() {
        double maxDensity = runVisible >= ExtractionSettings.LONG_RUN_MIN_CHARS
                ? ExtractionSettings.EMIT_MAX_LINK_DENSITY_LONG_RUN : ExtractionSettings.EMIT_MAX_LINK_DENSITY;
        if (runVisible > 0 && (double) runLink / runVisible <= maxDensity && !repeatsTitle()) {
            String text = runText.toString().strip();
            String inner = runHtml.toString().strip();
            String leaf = leafStack.isEmpty() ? "p" : leafStack.get(leafStack.size() - 1);
            html.append('<').append(leaf).append('>').append(inner);
            for (int i = 0; i < runOpenLinks; i++) {
                html.append("</a>"); // a run can end inside a link (a block inside an a): keep HTML balanced
            }
            html.append("</").append(leaf).append(">\n");
            if (captionDepth == 0) {
                paragraphs.add(text);
            }
        }
        runText.setLength(0);
        runHtml.setLength(0);
        pendingSpace = false;
        runVisible = 0;
        runLink = 0;
        runOpenLinks = 0;
    }
}
