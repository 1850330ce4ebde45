package org.newsline.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input with a read timeout and an overall deadline: before every read the socket timeout is set to
 * whichever comes first, so a server dripping one byte a second is cut off at the deadline, not after hours.
 */
final class DeadlineInputStream extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private final long readTimeoutMillis;
    private final long deadlineNanos;
    private final String url;

    DeadlineInputStream(Socket socket, Duration readTimeout, long deadlineNanos, String url) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.readTimeoutMillis = readTimeout.toMillis();
        this.deadlineNanos = deadlineNanos;
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
        long remainingMillis = remainingMillis(deadlineNanos);
        if (remainingMillis <= 0) {
            throw totalTimeout(url);
        }
        boolean deadlineFirst = remainingMillis < readTimeoutMillis;
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(remainingMillis, readTimeoutMillis))));
        try {
            return in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw deadlineFirst ? totalTimeout(url)
                    : new FetchException(FetchException.Kind.TIMEOUT, url,
                            "read timeout: no data for " + readTimeoutMillis + " ms", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static long remainingMillis(long deadlineNanos) {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }

    static FetchException totalTimeout(String url) {
        return new FetchException(FetchException.Kind.TIMEOUT, url, "total timeout: the fetch took too long");
    }
}
