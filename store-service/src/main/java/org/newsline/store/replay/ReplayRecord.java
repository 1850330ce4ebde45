package org.newsline.store.replay;

/** One record a replay publishes: the full topic name, the key and the value bytes as they go on the topic. */
public record ReplayRecord(String topic, String key, byte[] value) {
}
