package org.newsline.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A well-formed body comes back as it is; each thing the repair fixes still takes the repairing path. */
class FeedXmlRepairTest {

    private static String repair(String xml, DefectLog defects) {
        return FeedXmlRepair.repair(xml, defects);
    }

    @Test
    void aWellFormedBodyIsReturnedAsItIsWithNoDefect() {
        String body = "<rss><channel><title>A &amp; B &lt;3 &#233;&#x1F600; &quot;q&quot; &apos;</title>"
                + "<description><![CDATA[x < y]]></description><!-- c --><?pi x?>\t\r\n\uD83D\uDE00</channel></rss>";
        DefectLog defects = new DefectLog();
        assertThat(repair(body, defects)).isSameAs(body);
        assertThat(defects.toList()).isEmpty();
    }

    @Test
    void everythingThatNeedsRepairIsStillRepaired() {
        assertRepaired("<t>a & b</t>", "<t>a &amp; b</t>", "bare & escaped");
        assertRepaired("<t>&nbsp;</t>", "<t>&#160;</t>", "undeclared HTML entity replaced");
        assertRepaired("<t>&amp</t>", "<t>&amp;amp</t>", "bare & escaped");
        assertRepaired("<t>&#0;</t>", "<t></t>", "character reference to a character XML forbids removed");
        assertRepaired("<t>&#;</t>", "<t>&amp;#;</t>", "bare & escaped");
        assertRepaired("<t>a\u0001b\uFFFEc</t>", "<t>abc</t>", "character not allowed in XML removed");
        assertRepaired("<!DOCTYPE rss><rss/>", "<rss/>", "DOCTYPE removed");
        assertRepaired("<!doctype rss [<!ENTITY x \"y\">]><rss/>", "<rss/>", "DOCTYPE with an internal subset");
    }

    private static void assertRepaired(String in, String out, String defect) {
        DefectLog defects = new DefectLog();
        assertThat(repair(in, defects)).isEqualTo(out);
        assertThat(defects.toList()).anySatisfy(d -> assertThat(d).startsWith(defect));
    }
}
