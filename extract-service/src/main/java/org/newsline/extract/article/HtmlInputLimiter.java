package org.newsline.extract.article;

/**
 * Cuts hostile input down to a size whose DOM fits a small heap: at most {@link ExtractionSettings#MAX_HTML_CHARS}
 * characters and {@link ExtractionSettings#MAX_TAGS} tags. Real article pages are far below both (the largest
 * benchmark page is 1.5 MB with a few thousand tags).
 */
final class HtmlInputLimiter {

    private HtmlInputLimiter() {
    }

    /** The prefix of {@code html} that is parsed; the input itself when it is within the limits. */
    static String limit(String html) {
        if (html == null) {
            return "";
        }
        int end = Math.min(html.length(), ExtractionSettings.MAX_HTML_CHARS);
        int tags = 0;
        for (int i = html.indexOf('<'); i >= 0 && i < end; i = html.indexOf('<', i + 1)) {
            if (++tags > ExtractionSettings.MAX_TAGS) {
                end = i;
                break;
            }
        }
        return end == html.length() ? html : html.substring(0, end);
    }

    /** Whether {@link #limit} cut this input. */
    static boolean isCut(String original, String limited) {
        return original != null && limited.length() < original.length();
    }
}
