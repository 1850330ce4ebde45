package org.newsline.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedDateParserTest {

    private static Instant p(String s) {
        return FeedDateParser.parse(s);
    }

    @Test
    void rfc822WithWeekdayAndGmt() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 GMT")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void rfc822WithoutWeekday() {
        assertThat(p("10 Jun 2003 04:00:00 GMT")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void rfc822WithNumericZone() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 +0200")).isEqualTo(Instant.parse("2003-06-10T02:00:00Z"));
        assertThat(p("Tue, 10 Jun 2003 04:00:00 -0530")).isEqualTo(Instant.parse("2003-06-10T09:30:00Z"));
    }

    @Test
    void rfc822WithNumericZoneWithColon() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 +02:00")).isEqualTo(Instant.parse("2003-06-10T02:00:00Z"));
    }

    @Test
    void rfc822WithNamedUsZones() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 EST")).isEqualTo(Instant.parse("2003-06-10T09:00:00Z"));
        assertThat(p("Tue, 10 Jun 2003 04:00:00 PDT")).isEqualTo(Instant.parse("2003-06-10T11:00:00Z"));
    }

    @Test
    void rfc822WithNamedEuropeanZone() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 CEST")).isEqualTo(Instant.parse("2003-06-10T02:00:00Z"));
    }

    @Test
    void rfc822WithUtAndZ() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 UT")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
        assertThat(p("Tue, 10 Jun 2003 04:00:00 Z")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void rfc822WithGmtOffset() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 GMT+2")).isEqualTo(Instant.parse("2003-06-10T02:00:00Z"));
    }

    @Test
    void rfc822WithoutSeconds() {
        assertThat(p("Tue, 10 Jun 2003 04:00 GMT")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void rfc822WithTwoDigitYearAndSingleDigitDay() {
        assertThat(p("Sun, 1 Jun 03 04:00:00 GMT")).isEqualTo(Instant.parse("2003-06-01T04:00:00Z"));
    }

    @Test
    void rfc822WithFullNames() {
        assertThat(p("Tuesday, 10 June 2003 04:00:00 GMT")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void rfc822WithoutZoneIsUtc() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void rfc822WithNumericZoneAndNameInParentheses() {
        assertThat(p("Tue, 10 Jun 2003 04:00:00 +0100 (CET)")).isEqualTo(Instant.parse("2003-06-10T03:00:00Z"));
    }

    @Test
    void isoWithZ() {
        assertThat(p("2003-12-13T18:30:02Z")).isEqualTo(Instant.parse("2003-12-13T18:30:02Z"));
    }

    @Test
    void isoWithOffsetAndFraction() {
        assertThat(p("2003-12-13T18:30:02.25+01:00")).isEqualTo(Instant.parse("2003-12-13T17:30:02.250Z"));
    }

    @Test
    void isoWithOffsetWithoutColon() {
        assertThat(p("2003-12-13T18:30:02-0500")).isEqualTo(Instant.parse("2003-12-13T23:30:02Z"));
    }

    @Test
    void isoWithSpaceInsteadOfT() {
        assertThat(p("2003-12-13 18:30:02")).isEqualTo(Instant.parse("2003-12-13T18:30:02Z"));
    }

    @Test
    void isoWithoutSeconds() {
        assertThat(p("2003-12-13T18:30+01:00")).isEqualTo(Instant.parse("2003-12-13T17:30:00Z"));
    }

    @Test
    void isoLikeWithSlashes() {
        assertThat(p("2003/12/13 18:30")).isEqualTo(Instant.parse("2003-12-13T18:30:00Z"));
    }

    @Test
    void isoDateOnly() {
        assertThat(p("2003-12-13")).isEqualTo(Instant.parse("2003-12-13T00:00:00Z"));
    }

    @Test
    void monthFirstUsStyle() {
        assertThat(p("June 10, 2003 4:00:00 PM")).isEqualTo(Instant.parse("2003-06-10T16:00:00Z"));
        assertThat(p("Jun 10, 2003 12:30 AM EST")).isEqualTo(Instant.parse("2003-06-10T05:30:00Z"));
        assertThat(p("Jun 10, 2003 04:00:00 GMT")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void asctime() {
        assertThat(p("Tue Jun 10 04:00:00 2003")).isEqualTo(Instant.parse("2003-06-10T04:00:00Z"));
    }

    @Test
    void missingAndGarbageAreNull() {
        assertThat(p(null)).isNull();
        assertThat(p("  ")).isNull();
        assertThat(p("yesterday")).isNull();
        assertThat(p("2003-02-30T10:00:00Z")).isNull();
        assertThat(p("Tue, 10 Foo 2003 04:00:00 GMT")).isNull();
    }
}
