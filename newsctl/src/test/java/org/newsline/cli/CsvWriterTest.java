package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatRfc4180RequiresAndEndsRecordsWithCrlf() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of("id", "quote"));
        csv.row(Arrays.asList("a1", "He said, \"no\".\nThen left."));
        csv.row(Arrays.asList("a2", null));
        csv.row(List.of("ü ñ", "\r"));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "id,quote\r\na1,\"He said, \"\"no\"\".\nThen left.\"\r\na2,\r\nü ñ,\"\r\"\r\n");
    }

    @Test
    void whatIsWrittenParsesBackToTheSameFields() {
        List<String> fields = List.of("plain", "", "comma,inside", "\"quoted\"", "line\r\nbreak", " spaced ");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new CsvWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).row(fields);
        List<List<String>> back = Rfc4180.parse(bytes.toString(StandardCharsets.UTF_8));
        assertThat(back).containsExactly(fields);
    }
}
