package org.newsline.runtime.kafka;

import org.newsline.events.Event;
import org.newsline.events.Topic;

/** One record a handler wants to produce. */
public record Outgoing(Topic topic, String key, Event value) {
}
