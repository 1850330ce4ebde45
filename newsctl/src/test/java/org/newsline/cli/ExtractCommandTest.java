package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String article(String title, String body) {
        return "<html lang=\"en\"><head><title>" + title + " | The Daily</title>"
                + "<meta property=\"og:title\" content=\"" + title + "\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>"
                + "<article><h1>" + title + "</h1>" + body + "</article>"
                + "<footer><a href=\"/about\">About us</a> <a href=\"/privacy\">Privacy</a></footer></body></html>";
    }

    private static final String PARAGRAPHS = "<p>The council voted on Tuesday to close the harbour bridge for repairs"
            + " that engineers say are long overdue, after a survey found corrosion in two of its main girders.</p>"
            + "<p>\"We cannot keep the bridge open while its girders are failing,\" said Maria Lopez, the council's"
            + " chief engineer. The closure will last at least six months, and ferries will run every twenty minutes"
            + " in the meantime.</p><p>Shop owners near the bridge said they feared for their trade during the"
            + " works, and asked the council for help with rents while the crossing stays shut.</p>";

    @Test
    void printsOneJsonLinePerFileInInputOrderForHtmlAndGzippedHtml() throws IOException {
        Path plain = dir.resolve("bridge.html");
        Files.writeString(plain, article("Harbour bridge to close for repairs", PARAGRAPHS));
        Path gzipped = dir.resolve("ferry.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(article("Ferries to run every twenty minutes", PARAGRAPHS).getBytes(StandardCharsets.UTF_8));
        }

        Cli.Result result = Cli.run("extract", "--url", "https://news.example/bridge", gzipped.toString(),
                plain.toString(), gzipped.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        List<JsonNode> lines = parse(result);
        assertThat(lines).extracting(l -> l.get("file").asText())
                .containsExactly(gzipped.toString(), plain.toString(), gzipped.toString());
        JsonNode first = lines.get(0);
        assertThat(first.get("title").asText()).isEqualTo("Ferries to run every twenty minutes");
        assertThat(lines.get(1).get("title").asText()).isEqualTo("Harbour bridge to close for repairs");
        assertThat(first.get("url").asText()).isEqualTo("https://news.example/bridge");
        assertThat(first.get("isArticle").asBoolean()).isTrue();
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.get("text").asText()).contains("corrosion in two of its main girders")
                .doesNotContain("Privacy").doesNotContain("Sport");
        assertThat(first.get("html").asText()).contains("<p>");
        assertThat(first.get("statements")).isNotEmpty();
        assertThat(first.get("statements").get(0).toString()).contains("Maria Lopez")
                .contains("We cannot keep the bridge open");
        assertThat(first.has("explanation")).isFalse();
    }

    @Test
    void explainSaysWhichStageDecided() throws IOException {
        Path plain = dir.resolve("bridge.html");
        Files.writeString(plain, article("Harbour bridge to close for repairs", PARAGRAPHS));

        Cli.Result result = Cli.run("extract", "--explain", plain.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode explanation = parse(result).get(0).get("explanation");
        assertThat(explanation).as(result.out()).isNotNull();
        assertThat(explanation.toString()).isNotBlank().isNotEqualTo("{}").isNotEqualTo("null");
    }

    @Test
    void undeclaredWindows1252FileIsDecodedNotMangled() throws IOException {
        Path latin = dir.resolve("cafe.html");
        String body = "<p>The café on the quay, a favourite of fishermen for decades, will stay open through the"
                + " works, its owner said, and will serve crêpes to the engineers every morning at seven.</p>"
                + PARAGRAPHS;
        Files.write(latin, article("Quay café stays open", body).getBytes(Charset.forName("windows-1252")));

        Cli.Result result = Cli.run("extract", latin.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode line = parse(result).get(0);
        assertThat(line.get("title").asText()).isEqualTo("Quay café stays open");
        assertThat(line.get("text").asText()).contains("crêpes").doesNotContain("\uFFFD");
    }

    @Test
    void missingFileIsNamedOnStderrTheOthersStillPrintAndTheExitIsNonZero() throws IOException {
        Path plain = dir.resolve("bridge.html");
        Files.writeString(plain, article("Harbour bridge to close for repairs", PARAGRAPHS));
        Path missing = dir.resolve("no-such-page.html");

        Cli.Result result = Cli.run("extract", missing.toString(), plain.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("no-such-page.html");
        assertThat(parse(result)).extracting(l -> l.get("file").asText()).containsExactly(plain.toString());
    }

    private static List<JsonNode> parse(Cli.Result result) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : result.lines()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
