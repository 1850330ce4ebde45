package org.newsline.runtime.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.newsline.runtime.config.ConfigException;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;

/**
 * Where the HTTP server listens and who may change state through it. The server binds to loopback unless told
 * otherwise; binding anywhere else requires an API token, which every state-changing {@code /api} request must
 * then present ({@link BearerTokenCheck}).
 */
public final class ApiAccess {

    private final String host;
    private final int port;
    private final String token;
    private final boolean readOnly;

    private ApiAccess(String host, int port, String token, boolean readOnly) {
        this.host = host;
        this.port = port;
        this.token = token == null ? "" : token;
        this.readOnly = readOnly;
    }

    /**
     * A server that only answers reads ({@code /health}, {@code /metrics} of ingest and extract): it may bind
     * anywhere without a token, because it refuses every request that would change state.
     */
    public static ApiAccess readOnly(NewslineConfig config) {
        return new ApiAccess(config.string(Settings.HTTP_HOST), config.integer(Settings.HTTP_PORT), "", true);
    }

    /** True when the server refuses every request but GET and HEAD. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Reads {@code http.host}, {@code http.port} and {@code api.token}.
     *
     * @throws ConfigException if the host is not a loopback address and no token is set
     */
    public static ApiAccess from(NewslineConfig config) {
        return of(config.string(Settings.HTTP_HOST), config.integer(Settings.HTTP_PORT),
                config.string(Settings.API_TOKEN));
    }

    /**
     * @param token the bearer token state-changing requests need; empty or null for none (loopback only)
     * @throws ConfigException if {@code host} is not a loopback address and no token is given
     */
    public static ApiAccess of(String host, int port, String token) {
        ApiAccess access = new ApiAccess(host, port, token, false);
        if (!access.requiresToken() && !isLoopback(host)) {
            // refusing here, before anything listens, is what keeps an open API off the network
            throw new ConfigException(Settings.HTTP_HOST.key() + " is '" + host + "', which is not a loopback "
                    + "address: set " + Settings.API_TOKEN.key() + " (" + Settings.API_TOKEN.envName()
                    + ") so that requests changing state need it, or bind to 127.0.0.1");
        }
        return access;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True when state-changing requests must carry the token. */
    public boolean requiresToken() {
        return !token.isEmpty();
    }

    String token() {
        return token;
    }

    /** True for loopback literals and names that resolve only to loopback (e.g. {@code localhost}). */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false; // an empty host binds every interface
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress a : addresses) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // never the token itself
        return host + ":" + port + (requiresToken() ? " (token required for changes)" : "");
    }
}
