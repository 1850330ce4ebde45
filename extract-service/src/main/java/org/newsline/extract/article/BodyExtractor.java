package org.newsline.extract.article;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Runs the body-extraction cascade, each stage only when the one before under-delivered: the strict scorer,
 * then the same scorer with relaxed stripping (recall-oriented retry), then a baseline that keeps every
 * prose-like paragraph of the page, and last the body the page declares in JSON-LD (pages that render their
 * text with scripts). Records which stage won and why.
 */
final class BodyExtractor {

    private BodyExtractor() {
    }

    /**
     * The body text and HTML of {@code doc}, leaving out repeats of {@code title}, with {@code declaredBody}
     * (JSON-LD articleBody, may be null) as the last fallback; appends the decisions to {@code explanation}.
     */
    static CleanHtmlWriter.Body extract(Document doc, String title, String declaredBody,
            List<String> explanation) {
        Element body = doc.body();
        if (body == null) {
            explanation.add("body: the page has no body");
            return declared(CleanHtmlWriter.Body.EMPTY, declaredBody, explanation);
        }
        CleanHtmlWriter.Body strict = scored(body, BoilerplateStripper.Mode.STRICT, title, explanation);
        if (strict.chars() >= ExtractionSettings.MIN_BODY_CHARS) {
            explanation.add("body: strict scorer won");
            return strict;
        }
        explanation.add(String.format(Locale.ROOT,
                "body: strict scorer found %d chars (< %d), retrying with relaxed stripping", strict.chars(),
                ExtractionSettings.MIN_BODY_CHARS));
        CleanHtmlWriter.Body relaxed = scored(body, BoilerplateStripper.Mode.RELAXED, title, explanation);
        CleanHtmlWriter.Body best = relaxed.chars() > strict.chars() ? relaxed : strict;
        if (best.chars() >= ExtractionSettings.MIN_BODY_CHARS) {
            explanation.add("body: " + (best == relaxed ? "relaxed" : "strict") + " scorer won");
            return best;
        }
        CleanHtmlWriter.Body baseline = BaselineExtractor.extract(body);
        explanation.add(String.format(Locale.ROOT, "body: baseline found %d chars", baseline.chars()));
        if (baseline.chars() > best.chars()) {
            best = baseline;
        }
        if (best.chars() < ExtractionSettings.MIN_BODY_CHARS) {
            CleanHtmlWriter.Body fromJsonLd = declared(best, declaredBody, explanation);
            if (fromJsonLd != best) {
                return fromJsonLd;
            }
        }
        String winner = best == baseline ? "baseline" : best == relaxed ? "relaxed scorer" : "strict scorer";
        explanation.add("body: " + winner + " won"
                + (best.chars() < ExtractionSettings.MIN_BODY_CHARS ? " (short)" : ""));
        return best;
    }

    /** The JSON-LD articleBody as a body, when it is longer than what the DOM gave; else {@code best}. */
    private static CleanHtmlWriter.Body declared(CleanHtmlWriter.Body best, String declaredBody,
            List<String> explanation) {
        if (declaredBody == null || declaredBody.isBlank()) {
            return best;
        }
        CleanHtmlWriter.Body body = DeclaredBody.toBody(declaredBody);
        if (body.chars() <= best.chars()) {
            return best;
        }
        explanation.add(String.format(Locale.ROOT, "body: JSON-LD articleBody won (%d chars)", body.chars()));
        return body;
    }

    private static CleanHtmlWriter.Body scored(Element body, BoilerplateStripper.Mode mode, String title,
            List<String> explanation) {
        PageAnalysis analysis = PageAnalysis.of(body, new BoilerplateStripper(mode));
        ElementStats container = ContentScorer.bestContainer(analysis);
        String stage = mode.name().toLowerCase(Locale.ROOT);
        explanation.add("strip (" + stage + "): dropped " + analysis.dropCounts());
        if (container == null) {
            explanation.add("body: " + stage + " scorer found no prose");
            return CleanHtmlWriter.Body.EMPTY;
        }
        CleanHtmlWriter.Body written = CleanHtmlWriter.write(analysis, container.element, title);
        // concatenated, not String.format: this line is written for every page, explained or not
        explanation.add("body: " + stage + " scorer chose " + PageAnalysis.describe(container.element) + " (prose "
                + container.good + ", other " + (container.total - container.good) + ", links " + container.link
                + ") -> " + written.paragraphs() + " paragraphs, " + written.chars() + " chars");
        return written;
    }
}
