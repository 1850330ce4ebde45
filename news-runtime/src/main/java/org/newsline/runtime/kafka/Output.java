package org.newsline.runtime.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsline.events.Event;
import org.newsline.events.Topic;

/** Where a processor writes its results; everything written commits with the batch's offsets, or not at all. */
public interface Output {

    void send(Topic topic, String key, Event value);

    /** Sends a value already encoded as the topic's JSON (a raw page written from its body's bytes, say). */
    void send(Topic topic, String key, byte[] json);

    /** Sends to a topic by its full name (for replays to a named topic). */
    void send(String topicName, String key, byte[] value);

    /** Sends {@code record} to {@code news.dead-letter} with {@code reason}; the stream goes on. */
    void deadLetter(ConsumerRecord<String, byte[]> record, String reason);
}
