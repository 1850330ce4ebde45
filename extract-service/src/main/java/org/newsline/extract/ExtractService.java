package org.newsline.extract;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.newsline.events.Article;
import org.newsline.events.RawPage;
import org.newsline.events.Statement;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.InstanceId;
import org.newsline.runtime.kafka.KafkaClients;
import org.newsline.runtime.kafka.Outgoing;
import org.newsline.runtime.kafka.PerRecordProcessor;
import org.newsline.runtime.kafka.TransactionalLoop;

/**
 * The extract stage: a transactional loop from {@code news.raw} to {@code news.articles} (each article with its
 * statements) and {@code news.statements} (one by one). A page that fails goes to the dead letters.
 */
public final class ExtractService implements AutoCloseable {

    public static final String GROUP = "newsline-extract";
    /**
     * Pages per transaction and worker thread. A page costs some 10 ms of CPU, so 32 per thread keeps a batch
     * under half a second on a quiet machine (the transaction's fixed 20-40 ms stays under a tenth of it),
     * where batch.size (500) would hold every result back for seconds.
     */
    static final int PAGES_PER_THREAD = 32;

    private final TransactionalLoop loop;
    private final PerRecordProcessor<RawPage> processor;

    public ExtractService(KafkaClients clients, Extractor extractor, MeterRegistry metrics) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.processor = new PerRecordProcessor<>(RawPage.class, RawPage::articleId,
                (key, page) -> outputs(extractor.extract(page)), threads);
        String instance = InstanceId.of(clients.config());
        this.loop = new TransactionalLoop("extract", clients, GROUP, "newsline-extract-" + instance,
                List.of(Topic.RAW), processor, metrics).capBatch(PAGES_PER_THREAD * threads);
    }

    static List<Outgoing> outputs(Article article) {
        List<Outgoing> out = new ArrayList<>(1 + article.statements().size());
        out.add(new Outgoing(Topic.ARTICLES, article.articleId(), article));
        for (Statement s : article.statements()) {
            out.add(new Outgoing(Topic.STATEMENTS, article.articleId(), s));
        }
        return out;
    }

    public ExtractService start() {
        loop.start();
        return this;
    }

    public TransactionalLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        loop.close();
        processor.close();
    }
}
