package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuzzes {@link StatementExtractor} without its safety net: on any text the stages throw nothing, and every
 * statement lies inside the text, quotes the text at its offsets, has a speaker, and comes once and in text
 * order. Seeds and findings: test resources, {@code org/newsline/extract/statements/StatementExtractorFuzzTestInputs};
 * README, "Fuzzing", says how to fuzz.
 */
class StatementExtractorFuzzTest {

    private final StatementExtractor extractor = new StatementExtractor();

    // libFuzzer's dictionary syntax: a quote mark escaped, other bytes outside printable ASCII as \xNN (UTF-8)
    @DictionaryEntries({"\\\"", "\\xe2\\x80\\x9c", "\\xe2\\x80\\x9d", "\\xe2\\x80\\x9e", "\\xc2\\xab", "\\xc2\\xbb",
            "\\xe2\\x80\\x98", "\\xe2\\x80\\x99", "'", " said ", " says ", " told ", " according to ", " sagte ",
            " a d\\xc3\\xa9clar\\xc3\\xa9 ", " dijo ", " that ", " he ", " she ", " they ", "Mr. ", "Dr. ", "\\x0a\\x0a", ", ", ": "})
    @FuzzTest(maxDuration = "30s")
    void findsStatementsInsideTheText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        List<FoundStatement> found = extractor.extractOrThrow(text);

        int limit = Math.min(text.length(), StatementExtractor.MAX_TEXT);
        Set<String> seen = new HashSet<>();
        FoundStatement previous = null;
        for (FoundStatement s : found) {
            assertThat(s.start()).as("start of %s", s).isBetween(0, s.end() - 1);
            assertThat(s.end()).as("end of %s", s).isLessThanOrEqualTo(limit);
            assertThat(s.quote()).isEqualTo(text.substring(s.start(), s.end()));
            assertThat(s.speaker()).as("speaker of %s", s).isNotBlank();
            assertThat(s.kind()).isNotNull();
            if (s.cue() != null) {
                assertThat(s.cue()).isEqualTo(s.cue().toLowerCase(Locale.ROOT));
            }
            assertThat(seen.add(s.start() + ":" + s.end() + ":" + s.kind())).as("doubled: %s", s).isTrue();
            if (previous != null) {
                assertThat(previous.start() < s.start() || previous.start() == s.start() && previous.end() <= s.end())
                        .as("%s before %s", previous, s).isTrue();
            }
            previous = s;
        }
    }
}
