package org.newsline.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.newsline.store.db.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes raw pages older than the configured retention, at start and then every hour. */
public final class ArchiveRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRetention.class);

    private final ArticleStore store;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    /** A retention of zero (or less) keeps everything and schedules nothing. */
    public ArchiveRetention(ArticleStore store, Duration retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        if (retention.isZero() || retention.isNegative()) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsline-archive-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, 0, 1, TimeUnit.HOURS);
    }

    /** Deletes what is older than the retention now; returns how many pages went. */
    public int runOnce() {
        try {
            int deleted = store.deleteRawPagesFetchedBefore(clock.instant().minus(retention));
            if (deleted > 0) {
                LOG.info("archive retention: deleted {} raw pages fetched more than {} ago", deleted, retention);
            }
            return deleted;
        } catch (RuntimeException e) {
            LOG.warn("archive retention failed, will retry: {}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
