package org.newsline.runtime.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The work of one stage on a batch of records. A record that cannot be processed goes to
 * {@link Output#deadLetter}; an exception thrown from here means the whole batch failed for a reason that is
 * not the records' fault (a database down, say): it is aborted and retried after a pause.
 */
@FunctionalInterface
public interface BatchProcessor {
    void process(List<ConsumerRecord<String, byte[]>> records, Output out) throws Exception;
}
