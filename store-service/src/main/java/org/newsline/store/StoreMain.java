package org.newsline.store;

import org.newsline.ingest.IngestService;
import org.newsline.runtime.ServiceRunner;
import org.newsline.runtime.config.Settings;
import org.newsline.store.api.StoreApi;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.feeds.KafkaFeedSubscriptions;
import org.newsline.store.replay.ReplayApi;
import org.newsline.store.replay.ReplayJobs;

/**
 * The store service alone: {@code java -jar store-service.jar}, configured by environment variables. It serves
 * the API ({@code /api/*}) besides {@code /health} and {@code /metrics}.
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.runWithApi("store-service", ctx -> {
            ArticleStore store = ArticleStore.open(ctx.config().dbUrl(),
                    ctx.config().string(Settings.DB_USER), ctx.config().string(Settings.DB_PASSWORD));
            StoreService service = new StoreService(ctx.clients(), store, ctx.metrics()).start();
            ArchiveRetention retention = new ArchiveRetention(store,
                    ctx.config().duration(Settings.ARCHIVE_RETENTION), java.time.Clock.systemUTC());
            KafkaFeedSubscriptions subscriptions = new KafkaFeedSubscriptions(ctx.clients(), store,
                    IngestService.fetchPolicy(ctx.config()));
            ctx.routes().add(new StoreApi(store, subscriptions));
            ReplayJobs replays = new ReplayJobs(store, ctx.clients(), ctx.config().dataDir());
            ctx.routes().add(new ReplayApi(replays));
            ctx.health().add("store.consumer", () -> service.loop().joined());
            return () -> {
                replays.close();
                retention.close();
                service.close();
                subscriptions.close();
                store.close();
            };
        });
    }
}
