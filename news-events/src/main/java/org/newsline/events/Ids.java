package org.newsline.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable ids: 32 hex characters (128 bits) of the SHA-256 of what identifies the thing.
 * {@code articleId} and {@code feedId} hash the canonical URL ({@link UrlCanonicalizer}); {@code statementId}
 * hashes the article, extractor version, span and kind.
 */
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** The id of the article found at {@code url} (a feed item's link or a WARC record's target URI). */
    public static String articleId(String url) {
        return hash(UrlCanonicalizer.canonicalize(url));
    }

    /** The id of the feed at {@code url}. */
    public static String feedId(String url) {
        return hash(UrlCanonicalizer.canonicalize(url));
    }

    public static String statementId(String articleId, String extractorVersion, int start, int end,
                                     StatementKind kind) {
        return hash(articleId + '\n' + extractorVersion + '\n' + start + '\n' + end + '\n' + kind.wireName());
    }

    /** The hash of an article's text, equal for the same content under two URLs. */
    public static String contentHash(String text) {
        return hash(text == null ? "" : text);
    }

    /** True if {@code s} has the shape of an id. */
    public static boolean isId(String s) {
        if (s == null || s.length() != 32) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String hash(String s) {
        byte[] digest = sha256().digest(s.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
