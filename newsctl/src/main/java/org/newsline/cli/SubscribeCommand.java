package org.newsline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsctl subscribe URL}: subscribe a feed (or a site whose feed is discovered) through the API. */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Subscribe a feed URL, or a site's home page whose feed is discovered.")
final class SubscribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL")
    String url;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Fixed poll interval such as 15m or 2h (default: adaptive).")
    String interval;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("tags", tags);
        if (interval != null) {
            body.put("interval", interval);
        }
        JsonNode sub = api.client().post("/api/feeds", body);
        System.out.println(describe(url, sub));
        return 0;
    }

    /**
     * One line about the new subscription. The API subscribes a discovered feed when given a page, and then
     * answers with the feed's own URL: say which feed was chosen, so the user knows what is polled.
     */
    static String describe(String given, JsonNode sub) {
        String feedUrl = sub.path("url").asText();
        String title = sub.path("title").isTextual() ? " \"" + sub.get("title").asText() + "\"" : "";
        String line = "subscribed " + feedUrl + title + " (feed " + sub.path("feedId").asText() + ")";
        return feedUrl.equals(given.strip()) ? line : line + ", the feed found on " + given.strip();
    }
}
