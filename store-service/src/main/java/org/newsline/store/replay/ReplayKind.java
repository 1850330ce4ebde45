package org.newsline.store.replay;

import java.util.Locale;
import org.newsline.events.Topic;

/** What a replay reads from the archive, and the topic it publishes to unless told otherwise. */
public enum ReplayKind {
    /** Archived raw pages, re-published to {@code news.raw} marked as replays: extract runs again. */
    RAW(Topic.RAW),
    /** Stored articles with their statements, to {@code news.articles}. */
    ARTICLES(Topic.ARTICLES),
    /** Stored statements one by one, in text order per article, to {@code news.statements}. */
    STATEMENTS(Topic.STATEMENTS),
    /** Dead letters, each back to the topic it came from, with its key. */
    DEAD_LETTER(null);

    private final Topic defaultTopic;

    ReplayKind(Topic defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    /** The topic replays of this kind go to without {@code toTopic}; null for dead letters (their source). */
    public Topic defaultTopic() {
        return defaultTopic;
    }

    /** The name used on the command line and in the API: {@code raw}, {@code dead-letter}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReplayKind fromWire(String name) {
        for (ReplayKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be raw, articles, statements or dead-letter, was " + name);
    }
}
