package org.newsline.ingest.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches one URL safely: only http and https, every host resolved and checked by {@link AddressGuard} before a
 * connection is opened (on every redirect too), the connection made to the checked IP, redirects followed by
 * hand, the body cut off at the policy's size both on the wire and after decompression, and connect, read and
 * total timeouts. Speaks HTTP/1.1 over its own sockets so that it can pin the checked address; one connection
 * per request, no proxy support. Thread-safe; share one instance.
 */
public final class HttpFetcher implements AutoCloseable {

    /** What we ask for when the caller does not say: pages and feeds alike. */
    public static final String DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,"
            + "application/atom+xml,application/feed+json,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.7";

    private final FetchPolicy policy;
    private final AddressGuard guard;
    private final SSLSocketFactory tls;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public HttpFetcher(FetchPolicy policy) {
        this(policy, HostResolver.SYSTEM);
    }

    /** A fetcher that resolves names with {@code resolver} (tests use a fixed table). */
    public HttpFetcher(FetchPolicy policy, HostResolver resolver) {
        this(policy, resolver, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** A fetcher with its own TLS trust (tests use a self-signed certificate; production the JDK's defaults). */
    public HttpFetcher(FetchPolicy policy, HostResolver resolver, SSLSocketFactory tls) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.guard = new AddressGuard(policy, java.util.Objects.requireNonNull(resolver, "resolver"));
        this.tls = java.util.Objects.requireNonNull(tls, "tls");
    }

    public FetchPolicy policy() {
        return policy;
    }

    /**
     * GETs {@code url}, conditionally if {@code validators} has an ETag or Last-Modified.
     *
     * @return a 2xx response with its body, or a 304 with {@link FetchResult#notModified()} set
     * @throws FetchException for every other outcome, with its {@link FetchException.Kind}
     */
    public FetchResult fetch(String url, Validators validators) throws FetchException {
        return fetch(url, validators, DEFAULT_ACCEPT);
    }

    /** As {@link #fetch(String, Validators)} with an explicit {@code Accept} header. */
    public FetchResult fetch(String url, Validators validators, String accept) throws FetchException {
        if (closed) {
            throw new IllegalStateException("fetcher is closed");
        }
        long start = System.nanoTime();
        long deadline = start + policy.totalTimeout().toNanos();
        FetchUrl current = FetchUrl.parse(url);
        RedirectFollower redirects = new RedirectFollower(url, policy.maxRedirects());
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        requestHeaders.put("Accept", accept);
        if (validators != null) {
            requestHeaders.put("If-None-Match", validators.etag());
            requestHeaders.put("If-Modified-Since", validators.lastModified());
        }
        while (true) {
            redirects.visit(current);
            String hopUrl = current.toUrlString();
            long remaining = DeadlineInputStream.remainingMillis(deadline);
            if (remaining <= 0) {
                throw DeadlineInputStream.totalTimeout(hopUrl);
            }
            List<InetAddress> addresses = guard.resolve(hopUrl, current.host(), current.port(), remaining);
            try (PinnedConnection connection = PinnedConnection.get(current, addresses, policy, tls,
                    deadline, requestHeaders, open::add)) {
                int status = connection.status();
                Map<String, String> headers = connection.headers();
                if (RedirectFollower.isRedirect(status)) {
                    current = redirects.next(current, headers.get("location"));
                    continue;
                }
                if (status == 304) {
                    return new FetchResult(status, url, hopUrl, headers, headers.get("content-type"), new byte[0],
                            true, Duration.ofNanos(System.nanoTime() - start));
                }
                if (status < 200 || status >= 300) {
                    Duration retryAfter = RetryAfter.parse(headers.get("retry-after"), Instant.now()).orElse(null);
                    throw new FetchException(FetchException.Kind.HTTP_ERROR, hopUrl, "HTTP status " + status,
                            status, retryAfter, null);
                }
                byte[] body = readBody(connection, headers, hopUrl);
                return new FetchResult(status, url, hopUrl, headers, headers.get("content-type"), body, false,
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (FetchException e) {
                throw e;
            } catch (IOException e) {
                if (closed) {
                    throw new FetchException(FetchException.Kind.UNREACHABLE, hopUrl, "fetcher closed", e);
                }
                throw new FetchException(FetchException.Kind.UNREACHABLE, hopUrl,
                        "connection failed: " + e.getMessage(), e);
            } finally {
                open.removeIf(Socket::isClosed);
            }
        }
    }

    private byte[] readBody(PinnedConnection connection, Map<String, String> headers, String url)
            throws IOException {
        long max = policy.maxBodyBytes();
        try (InputStream wire = connection.wireBody(max, url);
             InputStream decoded = ContentDecoding.decode(wire, headers.get("content-encoding"), url)) {
            // the decoded limit is what stops a gzip bomb: 10 KiB on the wire can be gigabytes inflated
            return BoundedBodyReader.readAll(decoded, max, url, "decoded body");
        } catch (ZipException | EOFException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, url,
                    "bad " + headers.get("content-encoding") + " body: " + e.getMessage(), e);
        }
    }

    /** Closes connections still open, failing the fetches that use them. */
    @Override
    public void close() {
        closed = true;
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.clear();
    }
}
