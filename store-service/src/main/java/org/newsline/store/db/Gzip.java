package org.newsline.store.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Raw page bodies are kept as gzip of their UTF-8 text: HTML shrinks five to ten times. */
final class Gzip {

    private Gzip() {
    }

    static byte[] compress(String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String decompress(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip), 8192)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("archived body is not valid gzip", e);
        }
    }
}
