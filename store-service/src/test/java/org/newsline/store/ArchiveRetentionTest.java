package org.newsline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.store.db.ArticleStore;

class ArchiveRetentionTest {

    @TempDir
    Path dir;

    static RawPage page(String url, Instant fetchedAt) {
        return new RawPage(1, Ids.articleId(url), url, url, "feed", null, fetchedAt, 200, Map.of(), "UTF-8",
                "<html><p>hello</p></html>", false);
    }

    @Test
    void deletesRawPagesOlderThanTheRetentionAndKeepsTheRest() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
            store.putRawPages(List.of(page("https://example.com/old", now.minus(Duration.ofDays(40))),
                    page("https://example.com/new", now.minus(Duration.ofDays(2)))));
            try (ArchiveRetention retention = new ArchiveRetention(store, Duration.ofDays(30),
                    Clock.fixed(now, ZoneOffset.UTC))) {
                retention.runOnce();
            }
            assertThat(store.rawPage(Ids.articleId("https://example.com/old"))).isEmpty();
            assertThat(store.rawPage(Ids.articleId("https://example.com/new"))).isPresent();
        }
    }

    @Test
    void zeroRetentionKeepsEverything() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("z.db"))) {
            store.putRawPages(List.of(page("https://example.com/ancient", now.minus(Duration.ofDays(4000)))));
            try (ArchiveRetention retention = new ArchiveRetention(store, Duration.ZERO, Clock.fixed(now, ZoneOffset.UTC))) {
                assertThat(store.stats().rawPages()).isEqualTo(1);
            }
            assertThat(store.rawPage(Ids.articleId("https://example.com/ancient"))).isPresent();
        }
    }
}
