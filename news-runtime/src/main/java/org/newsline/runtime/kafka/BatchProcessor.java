package org.newsline.runtime.kafka;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The work of one stage on a batch of records. A record that cannot be processed goes to
 * {@link Output#deadLetter}; an exception thrown from here means the whole batch failed for a reason that is
 * not the records' fault (a database down, say): it is aborted and retried after a pause.
 *
 * <p>A stage that puts records aside for later (a fetch the host asked us to retry in a minute) keeps them in
 * the metadata of its committed offsets: {@link #offsetMetadata} is committed with every offset of the
 * partition, in the batch's transaction; {@link #hasDueWork} makes the loop call {@link #process} with no new
 * records when some are due; and {@link #aborted} tells it to go back to what is committed.
 */
@FunctionalInterface
public interface BatchProcessor {
    void process(List<ConsumerRecord<String, byte[]>> records, Output out) throws Exception;

    /** What to commit as the metadata of {@code partition}'s offset (at most 3,000 characters), or null. */
    default String offsetMetadata(TopicPartition partition) {
        return null;
    }

    /** True when work put aside earlier is due, so that {@link #process} should run without new records. */
    default boolean hasDueWork() {
        return false;
    }

    /**
     * The batch was aborted and the consumer went back to the committed offsets of {@code assignment}: state the
     * processor changed while processing it must go back to what is committed.
     */
    default void aborted(Collection<TopicPartition> assignment) {
    }

    /**
     * The batch last given to {@link #process} committed: what it did counts now (a batch that does not commit is
     * processed again, so counting it at once would count it twice). Called on the loop's thread.
     */
    default void committed() {
    }
}
