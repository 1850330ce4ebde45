package org.newsline.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a body up to a limit while it arrives, so a huge or endless body costs at most the limit in memory.
 */
public final class BoundedBodyReader {

    private BoundedBodyReader() {
    }

    /** All of {@code in}, or {@link FetchException.Kind#TOO_LARGE} as soon as more than {@code max} bytes come. */
    public static byte[] readAll(InputStream in, long max, String url, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, 64 * 1024));
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > max) {
                throw tooLarge(url, what, max);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** {@code in} limited to {@code max} bytes: one byte more is {@link FetchException.Kind#TOO_LARGE}. */
    public static InputStream limit(InputStream in, long max, String url, String what) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c != -1 && ++count > max) {
                    throw tooLarge(url, what, max);
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                    if (count > max) {
                        throw tooLarge(url, what, max);
                    }
                }
                return n;
            }
        };
    }

    static FetchException tooLarge(String url, String what, long max) {
        return new FetchException(FetchException.Kind.TOO_LARGE, url, what + " exceeds " + max + " bytes");
    }
}
