package org.newsline.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeakerKeyTest {

    @Test
    void titlesInitialsAndSuffixesAreDropped() {
        assertThat(SpeakerKey.of("President Trump", null)).isEqualTo("trump");
        assertThat(SpeakerKey.of("Donald J. Trump", null)).isEqualTo("trump");
        assertThat(SpeakerKey.of("Mr. Trump", null)).isEqualTo("trump");
        assertThat(SpeakerKey.of("Former President Trump's", null)).isEqualTo("trump");
        assertThat(SpeakerKey.of("Martin Luther King Jr.", null)).isEqualTo("king");
        assertThat(SpeakerKey.of("Chancellor Angela Merkel", null)).isEqualTo("merkel");
        assertThat(SpeakerKey.of("U.S. Secretary of State Marco Rubio", null)).isEqualTo("rubio");
        assertThat(SpeakerKey.of("Emmanuel Macrón", null)).isEqualTo("macron");
    }

    @Test
    void theCanonicalNameWins() {
        assertThat(SpeakerKey.of("the president", "Donald Trump")).isEqualTo("trump");
        assertThat(SpeakerKey.of("the president", null)).isEqualTo("the president");
    }

    @Test
    void noWordsNoKey() {
        assertThat(SpeakerKey.of(null, null)).isNull();
        assertThat(SpeakerKey.of(" -- ", "")).isNull();
    }
}
