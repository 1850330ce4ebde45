package org.newsline.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a host once and refuses it if any of its addresses is internal: loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local, multicast, any-local, CGNAT (100.64/10), "this network" (0/8), benchmark
 * (198.18/15), reserved (240/4) and IPv6 forms that embed such an IPv4 address. The caller connects to exactly the
 * addresses returned, so a second DNS answer (rebinding) cannot slip an internal address in.
 */
public final class AddressGuard {

    /** Daemon threads for lookups; idle ones die after a minute. */
    private static final ExecutorService DNS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "newsline-dns");
        t.setDaemon(true);
        return t;
    });

    private final FetchPolicy policy;
    private final HostResolver resolver;

    public AddressGuard(FetchPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /**
     * The addresses to connect to for {@code host}:{@code port}.
     *
     * @throws FetchException {@link FetchException.Kind#BLOCKED_ADDRESS} if any address is internal and neither
     *                        the policy nor its allowed hosts permit it; {@link FetchException.Kind#UNREACHABLE}
     *                        if the name does not resolve
     */
    public List<InetAddress> resolve(String url, String host, int port) throws FetchException {
        return resolve(url, host, port, Long.MAX_VALUE);
    }

    /** As {@link #resolve(String, String, int)}, failing with {@code TIMEOUT} if DNS takes longer than {@code millis}. */
    public List<InetAddress> resolve(String url, String host, int port, long millis) throws FetchException {
        InetAddress[] addresses = lookup(url, host, millis);
        if (addresses == null || addresses.length == 0) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, url, "no address for host " + host);
        }
        if (policy.allowPrivateAddresses() || policy.isAllowedHost(host, port)) {
            return List.of(addresses);
        }
        // refuse the host if any answer is internal: picking the public one would still let the name probe inside
        for (InetAddress a : addresses) {
            if (isBlocked(a)) {
                throw new FetchException(FetchException.Kind.BLOCKED_ADDRESS, url,
                        "host " + host + " resolves to internal address " + a.getHostAddress()
                                + " (allow private addresses or this host in the fetch policy to fetch it)");
            }
        }
        return List.of(addresses);
    }

    private InetAddress[] lookup(String url, String host, long millis) throws FetchException {
        if (millis == Long.MAX_VALUE || isIpLiteral(host)) {
            return lookupNow(url, host);
        }
        // the system resolver cannot be given a timeout, so the lookup runs beside us and we stop waiting for it
        Future<InetAddress[]> f = DNS.submit(() -> lookupNow(url, host));
        try {
            return f.get(Math.max(1, millis), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new FetchException(FetchException.Kind.TIMEOUT, url, "DNS lookup of " + host + " timed out", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FetchException fe) {
                throw fe;
            }
            throw new FetchException(FetchException.Kind.UNREACHABLE, url, "DNS lookup of " + host + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNREACHABLE, url, "interrupted during DNS lookup", e);
        }
    }

    private InetAddress[] lookupNow(String url, String host) throws FetchException {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, url, "unknown host " + host, e);
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** True if {@code a} is not a public unicast address. */
    public static boolean isBlocked(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isBlockedV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true;                         // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return true;                         // fec0::/10 old site-local
            }
            if (allZero(b, 0, 12) || isNat64(b) || (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)) {
                return isBlockedV4(new byte[] {b[12], b[13], b[14], b[15]}) || allZero(b, 12, 4);
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isBlockedV4(new byte[] {b[2], b[3], b[4], b[5]});    // 2002::/16 6to4
            }
        }
        return false;
    }

    private static boolean isBlockedV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return a0 == 0 || a0 == 10 || a0 == 127
                || (a0 == 100 && (a1 & 0xc0) == 64)        // 100.64/10 CGNAT
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0)   // 192.0.0/24 protocol assignments
                || (a0 == 198 && (a1 & 0xfe) == 18)         // 198.18/15 benchmarking
                || a0 >= 224;                               // multicast, reserved, broadcast
    }

    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 8);
    }

    private static boolean allZero(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
