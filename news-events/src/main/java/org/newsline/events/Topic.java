package org.newsline.events;

import java.util.Locale;

/**
 * The topics of the pipeline. Names are literal ({@code news.raw}) unless a prefix is configured, in which
 * case the prefix is put in front as given ({@code staging.} gives {@code staging.news.raw}).
 */
public enum Topic {
    /** Subscriptions, keyed by feedId; a tombstone unsubscribes. */
    FEEDS("news.feeds", Cleanup.COMPACT, FeedSubscription.class),
    /** Polling state of each feed, keyed by feedId. */
    FEED_STATE("news.feed-state", Cleanup.COMPACT, FeedState.class),
    /** Pages to fetch, keyed by host so that one fetcher owns each host. */
    FETCH("news.fetch", Cleanup.DELETE, FetchRequest.class),
    /** Fetched pages, keyed by articleId. */
    RAW("news.raw", Cleanup.DELETE, RawPage.class),
    /** Extracted articles with their statements, keyed by articleId. */
    ARTICLES("news.articles", Cleanup.DELETE, Article.class),
    /** Statements one by one, keyed by articleId. */
    STATEMENTS("news.statements", Cleanup.DELETE, Statement.class),
    /** Records a stage could not process, keyed by the original key. */
    DEAD_LETTER("news.dead-letter", Cleanup.DELETE, DeadLetter.class);

    /** Kafka {@code cleanup.policy} of a topic. */
    public enum Cleanup {
        COMPACT, DELETE;

        public String policy() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String baseName;
    private final Cleanup cleanup;
    private final Class<? extends Event> valueType;

    Topic(String baseName, Cleanup cleanup, Class<? extends Event> valueType) {
        this.baseName = baseName;
        this.cleanup = cleanup;
        this.valueType = valueType;
    }

    /** The literal name, without any prefix. */
    public String baseName() {
        return baseName;
    }

    /** The name with the configured prefix (empty or null for none). */
    public String name(String prefix) {
        return prefix == null || prefix.isEmpty() ? baseName : prefix + baseName;
    }

    public Cleanup cleanup() {
        return cleanup;
    }

    public Class<? extends Event> valueType() {
        return valueType;
    }

    /** The topic whose literal or prefixed name this is, if any. */
    public static java.util.Optional<Topic> byName(String name, String prefix) {
        for (Topic t : values()) {
            if (t.name(prefix).equals(name) || t.baseName.equals(name)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
