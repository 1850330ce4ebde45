package org.newsline.runtime.kafka;

import java.util.List;

/**
 * Turns one decoded event into the records to produce. Throwing {@link PoisonRecordException} (or any
 * runtime exception) sends the input to the dead letters with the message as the reason.
 */
@FunctionalInterface
public interface RecordHandler<T> {
    List<Outgoing> handle(String key, T value);
}
