package org.newsline.events;

import java.nio.charset.StandardCharsets;

/**
 * A raw page with its body as UTF-8 bytes instead of a {@code String}: for the stages that only move a body
 * along (the store's archive, replays, WARC import) and never look inside it. Decoding a 170 KB body to a
 * {@code String} and encoding it back costs more than everything else they do with it. {@code page.body()} is
 * null; {@code body} is null when the page has none, and is always well-formed UTF-8.
 *
 * @see EventCodec#decodeRawPage(byte[])
 * @see EventCodec#encodeRawPage(RawPage, byte[])
 */
public record RawPageUtf8(RawPage page, byte[] body, int bodyChars) {

    /** A page whose body's length in characters is not known yet ({@link #bodyChars()} counts it). */
    public RawPageUtf8(RawPage page, byte[] body) {
        this(page, body, -1);
    }

    /** The body's length in {@code String} characters (UTF-16 code units), as known or counted from its bytes. */
    @Override
    public int bodyChars() {
        if (bodyChars >= 0) {
            return bodyChars;
        }
        if (body == null) {
            return 0;
        }
        int chars = 0;
        for (byte b : body) {
            if ((b & 0xC0) != 0x80) {
                chars += (b & 0xF8) == 0xF0 ? 2 : 1; // a four-byte sequence is a surrogate pair
            }
        }
        return chars;
    }

    /** The page with its body as a {@code String} again. */
    public RawPage toRawPage() {
        return RawPageUtf8.withBody(page, body == null ? null : new String(body, StandardCharsets.UTF_8));
    }

    /** {@code page} with its body as UTF-8 bytes. */
    public static RawPageUtf8 of(RawPage page) {
        return new RawPageUtf8(withBody(page, null),
                page.body() == null ? null : page.body().getBytes(StandardCharsets.UTF_8),
                page.body() == null ? 0 : page.body().length());
    }

    static RawPage withBody(RawPage p, String body) {
        return new RawPage(p.schemaVersion(), p.articleId(), p.url(), p.finalUrl(), p.feedId(), p.item(),
                p.fetchedAt(), p.status(), p.headers(), p.charset(), body, p.replay());
    }
}
