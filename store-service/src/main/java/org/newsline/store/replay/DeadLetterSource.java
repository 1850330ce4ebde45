package org.newsline.store.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsline.events.DeadLetter;
import org.newsline.events.EventCodec;
import org.newsline.events.RawPage;
import org.newsline.events.Topic;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.Page;

/**
 * Dead letters, newest first, each sent back to the topic it came from with its original key, so the stage
 * that failed on it tries again. A dead letter keeps only the first 64K characters of its payload: a
 * truncated raw page is taken whole from the raw archive instead; other truncated payloads are skipped.
 */
final class DeadLetterSource implements ReplaySource {

    static final int CHUNK = 100;

    private final ArticleStore store;
    private final ReplaySpec spec;
    private final String prefix;

    DeadLetterSource(ArticleStore store, ReplaySpec spec, String topicPrefix) {
        this.store = store;
        this.spec = spec;
        this.prefix = topicPrefix;
    }

    private boolean selected(DeadLetter d) {
        return spec.until() == null || d.at() == null || d.at().isBefore(spec.until());
    }

    @Override
    public long count() {
        long n = 0;
        String cursor = null;
        do {
            Page<DeadLetter> page = store.deadLetters(spec.stage(), spec.since(), 500, cursor);
            n += page.items().stream().filter(this::selected).count();
            cursor = page.nextCursor();
        } while (cursor != null);
        return n;
    }

    @Override
    public Chunk next(Position position) {
        Page<DeadLetter> page = store.deadLetters(spec.stage(), spec.since(), CHUNK, position.cursor());
        List<ReplayRecord> records = new ArrayList<>();
        long read = 0;
        long skipped = 0;
        for (DeadLetter d : page.items()) {
            if (!selected(d)) {
                continue; // arrived after the replay started
            }
            read++;
            Optional<byte[]> payload = payload(d);
            if (payload.isEmpty()) {
                skipped++;
                continue;
            }
            records.add(new ReplayRecord(d.sourceTopic(), d.key(), payload.get()));
        }
        return new Chunk(records, read, skipped, position.next(page.nextCursor(), 1));
    }

    /** The original value: the payload when whole, else the archived page for a raw page, else nothing. */
    private Optional<byte[]> payload(DeadLetter d) {
        if (d.sourceTopic() == null || d.sourceTopic().isEmpty()) {
            return Optional.empty();
        }
        if (d.payload() != null) {
            byte[] bytes = d.payload().getBytes(StandardCharsets.UTF_8);
            if (bytes.length == d.payloadBytes()) {
                return Optional.of(bytes);
            }
        }
        boolean raw = Topic.byName(d.sourceTopic(), prefix).filter(t -> t == Topic.RAW).isPresent();
        if (raw && d.key() != null) {
            Optional<RawPage> page = store.rawPage(d.key());
            return page.map(p -> EventCodec.encode(p.asReplay()));
        }
        return Optional.empty();
    }
}
