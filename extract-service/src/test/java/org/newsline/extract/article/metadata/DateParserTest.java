package org.newsline.extract.article.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateParserTest {

    @Test
    void parsesTheFormatsPagesUse() {
        assertThat(DateParser.parse("2019-11-19T10:15:30Z")).isEqualTo(Instant.parse("2019-11-19T10:15:30Z"));
        assertThat(DateParser.parse("2019-11-19T10:15:30.123+0100"))
                .isEqualTo(Instant.parse("2019-11-19T09:15:30.123Z"));
        assertThat(DateParser.parse("2019-11-19 10:15")).isEqualTo(Instant.parse("2019-11-19T10:15:00Z"));
        assertThat(DateParser.parse("2019-11-19")).isEqualTo(Instant.parse("2019-11-19T00:00:00Z"));
        assertThat(DateParser.parse("Tue, 19 Nov 2019 10:15:30 GMT")).isEqualTo(Instant.parse("2019-11-19T10:15:30Z"));
        assertThat(DateParser.parse("1574158530")).isEqualTo(Instant.parse("2019-11-19T10:15:30Z"));
    }

    @Test
    void rejectsWhatIsNotADate() {
        assertThat(DateParser.parse(null)).isNull();
        assertThat(DateParser.parse("")).isNull();
        assertThat(DateParser.parse("yesterday")).isNull();
        assertThat(DateParser.parse("2019-13-45T99:99")).isNull();
    }
}
