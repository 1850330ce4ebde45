package org.newsline.runtime.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Lets a request that changes state ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}; all of them are
 * under {@code /api}) through only with {@code Authorization: Bearer TOKEN}; reads stay open. A missing or
 * wrong token gets 401. The check looks at the method alone, not the path, so no spelling of a path slips by.
 */
final class BearerTokenCheck implements Handler {

    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);
    private static final String PREFIX = "Bearer ";

    private final byte[] expectedDigest;

    BearerTokenCheck(String token) {
        this.expectedDigest = sha256(token);
    }

    @Override
    public void handle(Context ctx) {
        if (!CHANGES.contains(ctx.method())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw unauthorized(ctx, "this request changes state: send Authorization: Bearer <api.token>");
        }
        // compare digests, so the time taken tells nothing about the token's length or its first wrong byte
        byte[] given = sha256(header.substring(PREFIX.length()).strip());
        if (!MessageDigest.isEqual(given, expectedDigest)) {
            throw unauthorized(ctx, "wrong API token");
        }
    }

    private static ApiException unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"newsline\"");
        return new ApiException(401, message);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
