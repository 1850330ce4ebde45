package org.newsline.store.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset-pagination cursors: the sort key of the last item of a page, so that the next page starts
 * strictly after it (complete and without duplicates even while rows are added). Encoded as URL-safe base64
 * of the listing's tag and the key parts; a cursor of another listing, or any other string, is rejected.
 */
final class CursorCodec {

    /** A listing and the number of key parts after its time. */
    record Kind(String tag, int keyParts) {
    }

    static final Kind ARTICLES = new Kind("a", 1);     // sort_at, article_id
    static final Kind STATEMENTS = new Kind("s", 3);   // sort_at, article_id, idx, statement_id
    static final Kind RAW = new Kind("r", 1);          // fetched_at, article_id
    static final Kind DEAD_LETTERS = new Kind("d", 1); // at, letter_id

    /** A decoded cursor: the time and the further key parts of the last item seen. */
    record Cursor(Instant at, List<String> keys) {
        String key(int i) {
            return keys.get(i);
        }
    }

    private static final int MAX_LENGTH = 1000;
    private static final String SEP = "\u001f";

    private CursorCodec() {
    }

    static String encode(Kind kind, Instant at, String... keys) {
        if (keys.length != kind.keyParts()) {
            throw new IllegalStateException("cursor of " + kind.tag() + " takes " + kind.keyParts() + " keys");
        }
        String plain = kind.tag() + SEP + at + SEP + String.join(SEP, keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(Kind kind, String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("cursor is not one this listing handed out");
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("cursor is not one this listing handed out (not base64)");
        }
        String[] parts = plain.split(SEP, -1);
        if (parts.length != kind.keyParts() + 2 || !parts[0].equals(kind.tag())) {
            throw new InvalidCursorException("cursor is not one this listing handed out");
        }
        Instant at;
        try {
            at = Instant.parse(parts[1]);
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException("cursor is not one this listing handed out (bad time)");
        }
        List<String> keys = new ArrayList<>(Arrays.asList(parts).subList(2, parts.length));
        if (kind == STATEMENTS) {
            try {
                Integer.parseInt(keys.get(1));
            } catch (NumberFormatException e) {
                throw new InvalidCursorException("cursor is not one this listing handed out (bad index)");
            }
        }
        return new Cursor(at, List.copyOf(keys));
    }
}
