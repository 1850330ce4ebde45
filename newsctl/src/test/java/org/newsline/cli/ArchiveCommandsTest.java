package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsline.events.EventCodec;

/** {@code search} and {@code export} against the real API over the demo site's stored articles. */
@Tag("integration")
@ExtendWith(SharedPipeline.class)
class ArchiveCommandsTest {

    final SharedPipeline p = SharedPipeline.get();

    @Test
    void searchPrintsMatchingArticlesAsATable() {
        Cli.Result r = Cli.run("search", "Islamic State", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.lines().get(0)).matches("PUBLISHED +TITLE +URL");
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(1)).contains("Trump, Putin").contains(p.demo.baseUrl() + "/news/");
    }

    @Test
    void searchJsonPrintsOneArticlePerLineAndLimitHolds() throws Exception {
        Cli.Result all = Cli.run("search", "the", "--json", "--api", p.api());
        assertThat(all.exit()).as(all.toString()).isZero();
        assertThat(all.lines()).hasSizeGreaterThan(2);
        for (String line : all.lines()) {
            assertThat(EventCodec.mapper().readTree(line).path("articleId").asText()).hasSize(32);
        }
        Cli.Result two = Cli.run("search", "the", "--json", "--limit", "2", "--api", p.api());
        assertThat(two.lines()).containsExactlyElementsOf(all.lines().subList(0, 2));
    }

    @Test
    void searchWithSpeakerPrintsStatements() throws Exception {
        Cli.Result r = Cli.run("search", "--speaker", "Trump", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.lines().get(0)).matches("PUBLISHED +SPEAKER +KIND +QUOTE");
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).contains("We had two or three very short conversations"));

        Cli.Result json = Cli.run("search", "conversations", "--speaker", "Trump", "--json", "--api", p.api());
        assertThat(json.lines()).isNotEmpty();
        for (String line : json.lines()) {
            JsonNode s = EventCodec.mapper().readTree(line);
            assertThat(s.path("speaker").asText() + " " + s.path("speakerCanonical").asText()).contains("Trump");
            assertThat(s.path("quote").asText()).contains("conversations");
        }
    }

    @Test
    void searchWithNothingFoundSaysSoOnStderr() {
        Cli.Result r = Cli.run("search", "xylophonequartz", "--api", p.api());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("no articles match\n");
        Cli.Result future = Cli.run("search", "the", "--since", "2999-01-01", "--api", p.api());
        assertThat(future.err()).isEqualTo("no articles match\n");
    }

    @Test
    void badArgumentsFailBeforeAnythingIsPrinted() {
        Cli.Result since = Cli.run("search", "the", "--since", "last tuesday", "--api", p.api());
        assertThat(since.exit()).isEqualTo(1);
        assertThat(since.out()).isEmpty();
        assertThat(since.err()).isEqualTo("newsctl: --since: expected " + TimeArg.FORMS + ", got 'last tuesday'\n");

        Cli.Result nothing = Cli.run("search", "--api", p.api());
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).isEqualTo("newsctl: give TEXT to search for, or --speaker NAME\n");

        Cli.Result feedOfStatements = Cli.run("export", "statements", "--feed", "x", "--api", p.api());
        assertThat(feedOfStatements.exit()).isEqualTo(1);
        assertThat(feedOfStatements.err()).isEqualTo("newsctl: --feed applies to articles only\n");

        Cli.Result until = Cli.run("export", "articles", "--until", "soon", "--api", p.api());
        assertThat(until.exit()).isEqualTo(1);
        assertThat(until.out()).isEmpty();
        assertThat(until.err()).startsWith("newsctl: --until: expected ").hasLineCount(1);

        Cli.Result badFeed = Cli.run("export", "articles", "--feed", "nope", "--api", p.api());
        assertThat(badFeed.exit()).isEqualTo(1);
        assertThat(badFeed.out()).isEmpty();
        assertThat(badFeed.err()).contains("feed must be a feed id").contains("HTTP 400").hasLineCount(1);
    }

    @Test
    void unreachableApiIsOneLineOnStderr() throws Exception {
        String dead = "http://127.0.0.1:" + ClosedPort.find();
        for (String[] args : List.of(new String[] {"search", "x"}, new String[] {"export", "articles"})) {
            List<String> a = new ArrayList<>(List.of(args));
            a.addAll(List.of("--api", dead));
            Cli.Result r = Cli.run(a.toArray(String[]::new));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("newsctl: cannot reach the Newsline API at " + dead).hasLineCount(1);
        }
    }

    /** Two items per request, so the export must follow nextCursor through several pages. */
    @Test
    void exportArticlesAsJsonLinesFollowsTheCursorThroughTheWholeArchive() throws Exception {
        Cli.Result r = Cli.run("export", "articles", "--page-size", "2", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.lines()).hasSize(p.demo.articleCount());
        Set<String> ids = new HashSet<>();
        for (String line : r.lines()) {
            JsonNode a = EventCodec.mapper().readTree(line);
            assertThat(ids.add(a.path("articleId").asText())).isTrue();
            assertThat(a.path("text").asText()).isNotEmpty();
        }
        assertThat(r.err()).isEqualTo("exported " + p.demo.articleCount() + " articles\n");

        Cli.Result filtered = Cli.run("export", "articles", "--q", "Islamic State", "--since", "2000-01-01", "--api", p.api());
        assertThat(filtered.lines()).hasSize(1);
        Cli.Result byFeed = Cli.run("export", "articles", "--feed", p.demo.feedUrls().get(1), "--api", p.api());
        assertThat(byFeed.exit()).as(byFeed.toString()).isZero();
        assertThat(byFeed.lines().size()).isBetween(0, 1);
    }

    @Test
    void exportStatementsAsCsvIsRfc4180WithAHeaderAndEveryStatement() {
        Cli.Result r = Cli.run("export", "statements", "--format", "csv", "--page-size", "3", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<List<String>> rows = Rfc4180.parse(r.out());
        assertThat(rows.get(0)).containsExactly("schemaVersion", "statementId", "articleId", "url", "extractorVersion",
                "index", "quote", "speaker", "speakerCanonical", "cue", "kind", "start", "end", "publishedAt");
        assertThat(rows).hasSize(1 + (int) p.stat("statements"));
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(14);
            assertThat(row.get(1)).hasSize(32);
            assertThat(row.get(10)).isIn("direct", "indirect", "mixed");
        }
        assertThat(rows).anySatisfy(row -> assertThat(row.get(6)).startsWith("We had two or three very short conversations"));

        Cli.Result trump = Cli.run("export", "statements", "--speaker", "Trump", "--format", "csv", "--api", p.api());
        List<List<String>> trumpRows = Rfc4180.parse(trump.out());
        assertThat(trumpRows.size()).isBetween(2, rows.size() - 1);
    }

    @Test
    void exportArticlesAsCsvHasTheContractsFieldsWithoutHtmlAndStatements() {
        Cli.Result r = Cli.run("export", "articles", "--format", "csv", "--api", p.api());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<List<String>> rows = Rfc4180.parse(r.out());
        assertThat(rows.get(0)).startsWith("schemaVersion", "articleId", "url").contains("authors", "text", "wordCount")
                .doesNotContain("html", "statements");
        assertThat(rows).hasSize(1 + p.demo.articleCount());
        int text = rows.get(0).indexOf("text");
        assertThat(rows).anySatisfy(row -> assertThat(row.get(text)).contains("\n\n"));

        Cli.Result none = Cli.run("export", "articles", "--format", "csv", "--q", "xylophonequartz", "--api", p.api());
        assertThat(Rfc4180.parse(none.out())).containsExactly(rows.get(0));
    }
}
