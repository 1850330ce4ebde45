package org.newsline.store.db;

import java.util.List;

/**
 * A person and how many statements they made. {@code key} is the normalised speaker key ({@link SpeakerKey});
 * {@code name} the most frequent full name under it; {@code variants} every name seen, most frequent first.
 */
public record SpeakerCount(String key, String name, long statements, List<String> variants) {
    public SpeakerCount {
        variants = List.copyOf(variants);
    }
}
