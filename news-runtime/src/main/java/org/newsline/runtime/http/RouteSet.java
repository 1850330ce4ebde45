package org.newsline.runtime.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of HTTP routes a service contributes to the one HTTP server of its process. In {@code newsctl up}
 * every service's routes sit on one port.
 */
@FunctionalInterface
public interface RouteSet {
    void addTo(RoutesConfig routes);
}
