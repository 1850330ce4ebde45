package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsline.events.StatementKind;

/**
 * The seed article must come out as STATEMENTS.md lists. The body extractor removes the comment form at its
 * end, so the statements are checked on the text before it; the full file must give nothing from the form.
 */
class SeedArticleTest {

    private static String full;
    private static String body;
    private static List<FoundStatement> statements;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SeedArticleTest.class.getResourceAsStream("/statements/seed-joint-statement.txt")) {
            full = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int form = full.indexOf("Leave a Reply");
        assertThat(form).isPositive();
        body = full.substring(0, form).stripTrailing();
        statements = new StatementExtractor().extract(body);
    }

    private static FoundStatement starting(String prefix) {
        return statements.stream().filter(s -> s.quote().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement starts with " + prefix + ": " + statements));
    }

    @Test
    void presidentsAgreedToMaintainChannels() {
        FoundStatement s = starting("The Presidents agreed to maintain open military channels");
        assertThat(s.speaker()).isEqualTo("the statement");
        assertThat(s.speakerCanonical()).isEqualTo("the Kremlin and State Department");
        assertThat(s.cue()).isEqualTo("said");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
    }

    @Test
    void theyConfirmedTheseEfforts() {
        FoundStatement s = starting("They confirmed these efforts will be continued");
        assertThat(s.speaker()).isEqualTo("the statement");
        assertThat(s.speakerCanonical()).isEqualTo("the Kremlin and State Department");
        assertThat(s.cue()).isIn(null, "said");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
    }

    @Test
    void trumpTwoOrThreeShortConversations() {
        FoundStatement s = starting("We had two or three very short conversations");
        assertThat(s.speaker()).isEqualTo("Trump");
        assertThat(s.speakerCanonical()).isEqualTo("President Trump");
        assertThat(s.cue()).isEqualTo("said");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
    }

    @Test
    void trumpJointStatementJustApproved() {
        FoundStatement s = starting("And we issued a joint statement, just approved");
        assertThat(s.speaker()).isEqualTo("Trump");
        assertThat(s.speakerCanonical()).isEqualTo("President Trump");
        assertThat(s.cue()).isEqualTo("said");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
    }

    @Test
    void stateDepartmentStatementInAddition() {
        FoundStatement s = starting("In addition, President Trump noted that he had a good meeting");
        assertThat(s.speaker()).isEqualTo("the State Department statement");
        assertThat(s.speakerCanonical()).isEqualTo("State Department");
        assertThat(s.cue()).isEqualTo("said");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
    }

    @Test
    void theTwoAgreedToWorkTogetherIsIndirect() {
        FoundStatement s = starting("the two agreed to work together to continue deescalating violence in Syria");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.speaker()).containsIgnoringCase("statement");
        assertThat(s.cue()).isIn("agreed", "said");
    }

    @Test
    void everyQuoteIsTheTextAtItsOffsets() {
        assertThat(statements).isNotEmpty().allSatisfy(s -> assertThat(body.substring(s.start(), s.end()))
                .isEqualTo(s.quote()));
    }

    @Test
    void theCommentFormGivesNoStatements() {
        int form = full.indexOf("Leave a Reply");
        List<FoundStatement> all = new StatementExtractor().extract(full);
        assertThat(all).allSatisfy(s -> assertThat(s.end()).isLessThan(form));
        assertThat(all).hasSameSizeAs(statements);
    }
}
