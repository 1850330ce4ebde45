package org.newsline.ingest.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Undoes {@code Content-Encoding: gzip} and {@code deflate} (zlib-wrapped or raw, as servers send both). */
final class ContentDecoding {

    private ContentDecoding() {
    }

    static InputStream decode(InputStream in, String contentEncoding, String url) throws IOException {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return in;
        }
        String[] codings = contentEncoding.toLowerCase(Locale.ROOT).split(",");
        InputStream s = in;
        // codings are listed in the order they were applied, so undo them from the last
        for (int i = codings.length - 1; i >= 0; i--) {
            String c = codings[i].strip();
            switch (c) {
                case "", "identity" -> {
                }
                case "gzip", "x-gzip" -> s = new GZIPInputStream(s, 8192);
                case "deflate" -> s = inflate(s);
                default -> throw new FetchException(FetchException.Kind.PROTOCOL, url,
                        "unsupported Content-Encoding '" + c + "'");
            }
        }
        return s;
    }

    private static InputStream inflate(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 8192);
        b.mark(2);
        int cmf = b.read();
        int flg = b.read();
        b.reset();
        boolean zlib = cmf != -1 && flg != -1 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        return new InflaterInputStream(b, inflater, 8192) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();   // a caller-supplied Inflater is not ended by close; free its native memory
                }
            }
        };
    }
}
