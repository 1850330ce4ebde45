package org.newsline.ingest.fetch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the fetches a partition put aside (their offsets, when they are due, how many throttled answers they
 * had) as the metadata of the partition's committed offset, compactly, since the broker keeps at most 4 KB
 * there: {@code f1|DUE.ATTEMPTS:OFFSET,DELTA,DELTA...|DUE.ATTEMPTS:...}, numbers in base 36, due times in epoch
 * seconds (rounded up), offsets of one group ascending as differences from the one before.
 */
final class DeferralCodec {

    /** When a fetch put aside is due, and how many of its requests were answered 429 or 503 so far. */
    record Deferral(Instant notBefore, int attempts) {
    }

    static final String VERSION = "f1";

    private DeferralCodec() {
    }

    /** The metadata for {@code byOffset}; null if there is nothing put aside. */
    static String encode(Map<Long, Deferral> byOffset) {
        if (byOffset.isEmpty()) {
            return null;
        }
        SortedMap<String, List<Long>> groups = new TreeMap<>();
        new TreeMap<>(byOffset).forEach((offset, d) -> groups.computeIfAbsent(
                Long.toString(epochSecondsUp(d.notBefore()), 36) + "." + Integer.toString(d.attempts(), 36),
                k -> new ArrayList<>()).add(offset));
        StringBuilder out = new StringBuilder(VERSION);
        groups.forEach((key, offsets) -> {
            out.append('|').append(key).append(':');
            long previous = 0;
            for (int i = 0; i < offsets.size(); i++) {
                long offset = offsets.get(i);
                out.append(i == 0 ? "" : ",").append(Long.toString(offset - previous, 36));
                previous = offset;
            }
        });
        return out.toString();
    }

    /**
     * The fetches put aside that {@code metadata} lists; empty for null or empty metadata.
     *
     * @throws IllegalArgumentException naming the part it cannot read
     */
    static Map<Long, Deferral> decode(String metadata) {
        Map<Long, Deferral> out = new TreeMap<>();
        if (metadata == null || metadata.isEmpty()) {
            return out;
        }
        String[] parts = metadata.split("\\|");
        if (!parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("offset metadata is not a list of deferred fetches: '"
                    + abbreviate(metadata) + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String group = parts[i];
            int dot = group.indexOf('.');
            int colon = group.indexOf(':');
            if (dot <= 0 || colon < dot) {
                throw new IllegalArgumentException("bad group '" + abbreviate(group) + "' in offset metadata");
            }
            try {
                Deferral d = new Deferral(Instant.ofEpochSecond(Long.parseLong(group.substring(0, dot), 36)),
                        Integer.parseInt(group.substring(dot + 1, colon), 36));
                long offset = 0;
                for (String delta : group.substring(colon + 1).split(",")) {
                    offset += Long.parseLong(delta, 36);
                    out.put(offset, d);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number in group '" + abbreviate(group)
                        + "' of offset metadata", e);
            }
        }
        return out;
    }

    private static long epochSecondsUp(Instant t) {
        return t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
