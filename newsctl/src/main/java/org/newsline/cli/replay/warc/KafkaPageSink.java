package org.newsline.cli.replay.warc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.newsline.events.EventCodec;
import org.newsline.events.RawPageUtf8;
import org.newsline.events.Topic;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * Publishes imported pages to {@code news.raw} with an idempotent producer. Sends are asynchronous (the
 * producer batches and compresses them); a page Kafka refuses as too large is counted, any other error stops
 * the import. Importing a file twice is harmless: the store keeps one row per article and extract gives the
 * same article again.
 */
public final class KafkaPageSink implements PageSink, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicLong tooLarge = new AtomicLong();
    private final AtomicReference<Exception> error = new AtomicReference<>();

    public KafkaPageSink(KafkaClients clients) {
        this.producer = clients.producer(null);
        this.topic = Topic.RAW.name(clients.config().topicPrefix());
    }

    @Override
    public void accept(RawPageUtf8 page) throws Exception {
        Exception e = error.get();
        if (e != null) {
            throw e;
        }
        byte[] value = EventCodec.encodeRawPage(page.page(), page.body()); // the body's bytes as they are
        producer.send(new ProducerRecord<>(topic, page.page().articleId(), value), (md, ex) -> {
            if (ex instanceof RecordTooLargeException) {
                tooLarge.incrementAndGet();
            } else if (ex != null) {
                error.compareAndSet(null, ex);
            }
        });
    }

    /** Waits until every page sent is acknowledged; returns how many were refused as too large. */
    public long flush() throws Exception {
        producer.flush();
        Exception e = error.get();
        if (e != null) {
            throw e;
        }
        return tooLarge.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
