package org.newsline.cli.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.newsline.cli.replay.warc.WarcArchiveWriter;
import org.newsline.events.Event;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedItem;
import org.newsline.events.Ids;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * Writes raw pages to {@code news.raw} as the fetcher would (the dev pages under distinct URLs), either as
 * fast as possible (a full topic to drain) or at a steady rate (to measure latency at a given load).
 */
public final class RawBacklog {

    private final KafkaClients clients;
    private final List<String> bodies;

    public RawBacklog(KafkaClients clients, List<String> bodies) {
        this.clients = clients;
        this.bodies = bodies;
    }

    /**
     * Produces pages {@code first .. first+count-1}.
     *
     * @param perSecond 0 for as fast as possible
     */
    public void produce(int first, int count, double perSecond) {
        try (KafkaProducer<String, byte[]> producer = clients.producer(null)) {
            String topic = Topic.RAW.name(clients.config().topicPrefix());
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (perSecond > 0) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                RawPage page = page(first + i);
                producer.send(new ProducerRecord<>(topic, page.articleId(), EventCodec.encode(page)));
            }
            producer.flush();
        }
    }

    /** Writes pages {@code first .. first+count-1} as a WARC file, as {@code newsctl archive export} would. */
    void writeWarc(Path file, int first, int count) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WarcArchiveWriter writer = new WarcArchiveWriter(out)) {
            for (int i = 0; i < count; i++) {
                writer.write(page(first + i));
            }
        }
    }

    RawPage page(int n) {
        String url = "http://127.0.0." + (SiteLayout.FIRST_HOST + n % 25) + "/raw/" + n + ".html";
        FeedItem item = new FeedItem("Story " + n, url, url, Instant.now().minusSeconds(3600), null, "Story " + n);
        return new RawPage(Event.SCHEMA_VERSION, Ids.articleId(url), url, url, Ids.feedId("http://bench/raw.xml"),
                item, Instant.now(), 200, Map.of("content-type", "text/html; charset=utf-8"), "UTF-8",
                bodies.get(n % bodies.size()), false);
    }
}
