package org.newsline.ingest.http;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link HttpFetcher} may fetch and how much of it: private addresses, hosts allowed despite being private,
 * body size, timeouts, redirects and the User-Agent.
 *
 * @param allowPrivateAddresses fetch loopback, private, link-local and similar addresses (off by default: SSRF)
 * @param allowedHosts          hosts ({@code "name"} or {@code "name:port"}, lower case) allowed even when they
 *                              resolve to a private address, e.g. a demo server on {@code 127.0.0.1:43121}
 * @param maxBodyBytes          largest body read, counted both on the wire and after gzip/deflate decoding
 * @param connectTimeout        time to open the TCP connection (and TLS handshake)
 * @param readTimeout           longest wait for any single read
 * @param totalTimeout          longest time for the whole fetch, redirects included (cuts off slow drips)
 * @param maxRedirects          redirects followed before {@link FetchException.Kind#TOO_MANY_REDIRECTS}
 * @param userAgent             the User-Agent header
 */
public record FetchPolicy(boolean allowPrivateAddresses, Set<String> allowedHosts, long maxBodyBytes,
                          Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                          int maxRedirects, String userAgent) {

    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final String DEFAULT_USER_AGENT =
            "Newsline/0.1 (+https://github.com/newsline/newsline; news feed reader)";

    public FetchPolicy {
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(totalTimeout, "totalTimeout");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** Private addresses refused, 10 MiB, 5 s connect, 15 s read, 30 s total, 5 redirects. */
    public static FetchPolicy defaults() {
        return new FetchPolicy(false, Set.of(), DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30), 5, DEFAULT_USER_AGENT);
    }

    public FetchPolicy withAllowPrivateAddresses(boolean allow) {
        return new FetchPolicy(allow, allowedHosts, maxBodyBytes, connectTimeout, readTimeout, totalTimeout,
                maxRedirects, userAgent);
    }

    /** Allows {@code hostOrHostPort} ({@code "127.0.0.1:43121"} or {@code "demo.local"}) even if it is private. */
    public FetchPolicy withAllowedHost(String hostOrHostPort) {
        Objects.requireNonNull(hostOrHostPort, "hostOrHostPort");
        Set<String> hosts = new LinkedHashSet<>(allowedHosts);
        hosts.add(hostOrHostPort.strip().toLowerCase(Locale.ROOT));
        return new FetchPolicy(allowPrivateAddresses, hosts, maxBodyBytes, connectTimeout, readTimeout,
                totalTimeout, maxRedirects, userAgent);
    }

    public FetchPolicy withMaxBodyBytes(long bytes) {
        return new FetchPolicy(allowPrivateAddresses, allowedHosts, bytes, connectTimeout, readTimeout,
                totalTimeout, maxRedirects, userAgent);
    }

    public FetchPolicy withTimeouts(Duration connect, Duration read, Duration total) {
        return new FetchPolicy(allowPrivateAddresses, allowedHosts, maxBodyBytes, connect, read, total,
                maxRedirects, userAgent);
    }

    public FetchPolicy withMaxRedirects(int redirects) {
        return new FetchPolicy(allowPrivateAddresses, allowedHosts, maxBodyBytes, connectTimeout, readTimeout,
                totalTimeout, redirects, userAgent);
    }

    public FetchPolicy withUserAgent(String agent) {
        return new FetchPolicy(allowPrivateAddresses, allowedHosts, maxBodyBytes, connectTimeout, readTimeout,
                totalTimeout, maxRedirects, agent);
    }

    /** True if {@code host} (on {@code port}) was allowed by name, so its private addresses are accepted. */
    public boolean isAllowedHost(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return allowedHosts.contains(h) || allowedHosts.contains(h + ":" + port)
                || (h.contains(":") && allowedHosts.contains("[" + h + "]:" + port));
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
