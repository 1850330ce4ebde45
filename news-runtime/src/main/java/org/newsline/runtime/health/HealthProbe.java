package org.newsline.runtime.health;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container health check that needs nothing but the JVM:
 * {@code java -cp app.jar org.newsline.runtime.health.HealthProbe [URL]} exits 0 when {@code /health} answers 200.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + System.getenv().getOrDefault(
                "NEWSLINE_HTTP_PORT", "8080") + "/health";
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            int status = c.getResponseCode();
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
