package org.newsline.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The suite's news site over real HTTP: what it publishes, when, and which links fail. */
class FeedSiteTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publishesEveryItemOnceInItsFeedAndFailsTheLinksMeantToFail() throws Exception {
        try (FeedSite site = FeedSite.start(0, 100, 3, 7)) {
            assertThat(get(site.feedUrls().get(0)).body()).doesNotContain("<item>");
            site.publishOver(Duration.ZERO);
            assertThat(site.allPublished()).isTrue();
            int items = 0;
            for (String feed : site.feedUrls().subList(0, 3)) {
                HttpResponse<String> r = get(feed);
                assertThat(r.statusCode()).isEqualTo(200);
                items += r.body().split("<item>", -1).length - 1;
            }
            assertThat(items).isEqualTo(100);
            assertThat(get(site.feedUrls().get(3)).body()).contains(site.link(3)).doesNotContain(site.link(7));

            HttpResponse<String> article = get(site.link(0));
            assertThat(article.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/html"));
            assertThat(article.body()).contains("said ").isEqualTo(get(site.link(0)).body());
            assertThat(get(site.link(7)).statusCode()).isEqualTo(404);
            assertThat(get(site.link(13)).headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(get(site.link(100)).statusCode()).isEqualTo(404);
        }
    }
}
