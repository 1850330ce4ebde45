package org.newsline.store.replay;

/**
 * What a replay did so far: {@code read} items of the archive (raw pages, articles, dead letters),
 * {@code published} records produced (a statements replay produces several per article), {@code skipped}
 * items that could not be replayed as they are (gone since the listing, a truncated dead letter), {@code failed}
 * items that could not be published (too large for the topic).
 */
public record ReplayCounts(long read, long published, long skipped, long failed) {

    public static final ReplayCounts ZERO = new ReplayCounts(0, 0, 0, 0);

    public ReplayCounts plus(ReplayCounts o) {
        return new ReplayCounts(read + o.read, published + o.published, skipped + o.skipped, failed + o.failed);
    }
}
