package org.newsline.extract.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsline.extract.statements.Statements.only;

import org.junit.jupiter.api.Test;
import org.newsline.events.StatementKind;

/** German, French and Spanish quote marks and cue lists are recognised. */
class LanguagesTest {

    @Test
    void germanLowHighQuotesWithSagte() {
        String text = "„Wir werden das schaffen“, sagte Bundeskanzlerin Angela Merkel am Montag in Berlin. „Das ist"
                + " keine leichte Aufgabe, aber wir haben die Kraft dazu.“";
        assertThat(Lexicon.detect(text)).isSameAs(Lexicon.GERMAN);
        FoundStatement s = only(text, "Wir werden das schaffen");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.cue()).isEqualTo("sagte");
        assertThat(s.speakerCanonical()).contains("Angela Merkel");
        assertThat(only(text, "Das ist keine").speakerCanonical()).contains("Angela Merkel");
    }

    @Test
    void germanIndirectWithDass() {
        FoundStatement s = only("Der Minister erklärte am Dienstag, dass die Lage ernst sei und die Regierung"
                + " handeln werde.", "die Lage");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.cue()).isEqualTo("erklärte");
    }

    @Test
    void frenchGuillemetsWithADeclare() {
        String text = "« Nous ne céderons rien à la violence », a déclaré le président Emmanuel Macron mardi soir"
                + " devant les députés de la majorité.";
        assertThat(Lexicon.detect(text)).isSameAs(Lexicon.FRENCH);
        FoundStatement s = only(text, " Nous ne céderons");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.cue()).isEqualTo("déclaré");
        assertThat(s.speakerCanonical()).isEqualTo("Emmanuel Macron");
    }

    @Test
    void frenchSelon() {
        FoundStatement s = only("Selon le ministère, la situation reste très préoccupante dans la région et"
                + " les secours sont sur place.", "la situation");
        assertThat(s.cue()).isEqualTo("selon");
        assertThat(s.speaker()).isEqualTo("le ministère");
    }

    @Test
    void spanishGuillemetsWithDijo() {
        String text = "«No vamos a ceder ante ninguna amenaza», dijo el presidente Pedro Sánchez en Madrid, donde"
                + " se reunió con los líderes de la oposición.";
        assertThat(Lexicon.detect(text)).isSameAs(Lexicon.SPANISH);
        FoundStatement s = only(text, "No vamos a ceder");
        assertThat(s.cue()).isEqualTo("dijo");
        assertThat(s.speakerCanonical()).isEqualTo("Pedro Sánchez");
    }

    @Test
    void spanishStraightQuotesAndSegun() {
        String text = "\"La economía crecerá este año más de lo previsto\", afirmó la ministra Nadia Calviño. Según el"
                + " Gobierno, el paro bajará en otoño en todas las regiones del país.";
        assertThat(only(text, "La economía").cue()).isEqualTo("afirmó");
        FoundStatement s = only(text, "el paro");
        assertThat(s.cue()).isEqualTo("según");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
    }

    @Test
    void englishIsTheFallback() {
        assertThat(Lexicon.detect("12345 !!!")).isSameAs(Lexicon.ENGLISH);
    }
}
