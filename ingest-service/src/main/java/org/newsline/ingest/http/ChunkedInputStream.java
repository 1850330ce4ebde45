package org.newsline.ingest.http;

import java.io.IOException;
import java.io.InputStream;

/** Decodes {@code Transfer-Encoding: chunked}; malformed chunking is {@link FetchException.Kind#PROTOCOL}. */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private final String url;
    private long remainingInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in, String url) {
        this.in = in;
        this.url = url;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                skipTrailers();
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remainingInChunk));
        if (n == -1) {
            throw protocol("connection closed inside a chunk");
        }
        remainingInChunk -= n;
        if (remainingInChunk == 0) {
            String crlf = HttpHeadReader.readLine(in, url);
            if (crlf == null || !crlf.isEmpty()) {
                throw protocol("chunk not followed by CRLF");
            }
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpHeadReader.readLine(in, url);
        if (line == null) {
            throw protocol("connection closed before the last chunk");
        }
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        if (hex.isEmpty() || hex.length() > 15) {
            throw protocol("bad chunk size '" + hex + "'");
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw protocol("bad chunk size '" + hex + "'");
        }
    }

    private void skipTrailers() throws IOException {
        for (int i = 0; i < 100; i++) {
            String line = HttpHeadReader.readLine(in, url);
            if (line == null || line.isEmpty()) {
                return;
            }
        }
        throw protocol("too many trailer lines");
    }

    private FetchException protocol(String message) {
        return new FetchException(FetchException.Kind.PROTOCOL, url, message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
