package org.newsline.extract.article;

/**
 * Run in a separate JVM with a small heap by {@link RobustnessTest}: extracts 10 MiB pages and prints a line
 * per page; an OutOfMemoryError makes the JVM exit non-zero.
 */
public final class LargePageProbe {

    private LargePageProbe() {
    }

    public static void main(String[] args) {
        ArticleExtractor extractor = new ArticleExtractor();
        String prose = RobustnessTest.tenMebibytePage();
        ExtractedPage page = extractor.extract(prose, "https://example.com/big");
        System.out.println("prose page: " + (page.text().isEmpty() ? "empty" : "ok"));
        prose = null;
        String soup = RobustnessTest.tenMebibyteTagSoup();
        extractor.extract(soup, "https://example.com/soup");
        System.out.println("tag soup page: ok");
    }
}
