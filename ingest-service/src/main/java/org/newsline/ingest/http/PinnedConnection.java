package org.newsline.ingest.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request and response over a socket connected to an address that {@link AddressGuard} checked. The
 * socket is opened to that IP itself, never to the name, so DNS cannot answer differently between check and
 * connect; the {@code Host} header, TLS SNI and certificate check still use the name.
 */
final class PinnedConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers;

    private PinnedConnection(Socket socket, InputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /** Connects, sends a GET with {@code extraHeaders} and reads the response head. */
    static PinnedConnection get(FetchUrl url, List<InetAddress> addresses, FetchPolicy policy,
                                SSLSocketFactory tls, long deadlineNanos,
                                Map<String, String> extraHeaders, java.util.function.Consumer<Socket> onOpen)
            throws IOException {
        String u = url.toUrlString();
        Socket socket = connect(url, addresses, policy, deadlineNanos);
        onOpen.accept(socket);
        try {
            if (url.isHttps()) {
                socket = startTls(tls, socket, url, policy, deadlineNanos);
            }
            writeRequest(socket.getOutputStream(), url, policy, extraHeaders);
            InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, policy.readTimeout(),
                    deadlineNanos, u), 16 * 1024);
            HttpHeadReader.Head head = HttpHeadReader.read(in, u);
            // interim 1xx answers (100 Continue, 103 Early Hints) precede the real one
            for (int i = 0; head.status() < 200 && i < 5; i++) {
                head = HttpHeadReader.read(in, u);
            }
            if (head.status() < 200) {
                throw new FetchException(FetchException.Kind.PROTOCOL, u, "only interim 1xx responses");
            }
            return new PinnedConnection(socket, in, head.status(), head.headers());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    /**
     * The body as sent on the wire (chunking removed, content coding not), limited to {@code maxBytes}; a
     * {@code Content-Length} above the limit fails before a byte is read.
     */
    InputStream wireBody(long maxBytes, String u) throws IOException {
        if (status == 204 || status == 304) {
            return InputStream.nullInputStream();
        }
        String te = headers.get("transfer-encoding");
        if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return BoundedBodyReader.limit(new ChunkedInputStream(in, u), maxBytes, u, "body");
        }
        String cl = headers.get("content-length");
        if (cl != null) {
            long length;
            try {
                length = Long.parseLong(cl.contains(",") ? cl.substring(0, cl.indexOf(',')).strip() : cl.strip());
            } catch (NumberFormatException e) {
                throw new FetchException(FetchException.Kind.PROTOCOL, u, "bad Content-Length '" + cl + "'");
            }
            if (length > maxBytes) {
                throw BoundedBodyReader.tooLarge(u, "Content-Length " + length, maxBytes);
            }
            return new ExactLengthInputStream(in, length, u);
        }
        return BoundedBodyReader.limit(in, maxBytes, u, "body");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static Socket connect(FetchUrl url, List<InetAddress> addresses, FetchPolicy policy,
                                  long deadlineNanos) throws IOException {
        String u = url.toUrlString();
        IOException last = null;
        for (InetAddress address : addresses) {
            long remaining = DeadlineInputStream.remainingMillis(deadlineNanos);
            if (remaining <= 0) {
                throw DeadlineInputStream.totalTimeout(u);
            }
            int timeout = (int) Math.max(1, Math.min(remaining, policy.connectTimeout().toMillis()));
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, url.port()), timeout);
                return socket;
            } catch (SocketTimeoutException e) {
                socket.close();
                last = new FetchException(FetchException.Kind.TIMEOUT, u,
                        "connect timeout to " + address.getHostAddress() + " after " + timeout + " ms", e);
            } catch (IOException e) {
                socket.close();
                last = new FetchException(FetchException.Kind.UNREACHABLE, u,
                        "cannot connect to " + address.getHostAddress() + ":" + url.port() + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    private static Socket startTls(SSLSocketFactory factory, Socket plain, FetchUrl url, FetchPolicy policy,
                                   long deadlineNanos) throws IOException {
        SSLSocket tls = (SSLSocket) factory.createSocket(plain, url.host(), url.port(), true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");   // certificate must match the name, not the IP
        if (!url.host().contains(":") && !url.host().matches("[0-9.]+")) {
            params.setServerNames(List.of(new SNIHostName(url.host())));
        }
        tls.setSSLParameters(params);
        long remaining = DeadlineInputStream.remainingMillis(deadlineNanos);
        tls.setSoTimeout((int) Math.max(1, Math.min(remaining, policy.connectTimeout().toMillis())));
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new FetchException(FetchException.Kind.TIMEOUT, url.toUrlString(), "TLS handshake timeout", e);
        } catch (javax.net.ssl.SSLException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, url.toUrlString(),
                    "TLS handshake failed: " + e.getMessage(), e);
        }
        return tls;
    }

    private static void writeRequest(OutputStream out, FetchUrl url, FetchPolicy policy,
                                     Map<String, String> extraHeaders) throws IOException {
        StringBuilder req = new StringBuilder(256);
        req.append("GET ").append(url.requestTarget()).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(url.hostHeader()).append("\r\n");
        req.append("User-Agent: ").append(clean(policy.userAgent())).append("\r\n");
        req.append("Accept-Encoding: gzip, deflate\r\n");
        req.append("Connection: close\r\n");
        for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
            if (h.getValue() != null && !h.getValue().isBlank()) {
                req.append(h.getKey()).append(": ").append(clean(h.getValue())).append("\r\n");
            }
        }
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Header values from feeds (an ETag, say) must not smuggle a line break into our request. */
    private static String clean(String v) {
        return v.replaceAll("[\\r\\n\\x00]", " ").strip();
    }

    /** Reads exactly {@code length} bytes; an early end of stream is a truncated body. */
    private static final class ExactLengthInputStream extends InputStream {
        private final InputStream in;
        private final String url;
        private long remaining;

        ExactLengthInputStream(InputStream in, long length, String url) {
            this.in = in;
            this.remaining = length;
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
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n == -1) {
                throw new FetchException(FetchException.Kind.PROTOCOL, url,
                        "connection closed with " + remaining + " bytes of the body missing");
            }
            remaining -= n;
            return n;
        }
    }
}
