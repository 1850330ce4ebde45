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

/** {@code newsctl feed set FEED_ID ...}: change a subscription's interval, tags, title or pause it. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Change a subscription (PATCH /api/feeds/{id}); options not given stay as they are.")
final class FeedSetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FEED_ID", description = "The feed's id (see `newsctl feeds`) or its URL.")
    String feed;

    @Option(names = "--interval", paramLabel = "DURATION|adaptive",
            description = "A fixed poll interval such as 15m or 2h, or adaptive.")
    String interval;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable); replaces the feed's tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--clear-tags", description = "Remove all tags.")
    boolean clearTags;

    @Option(names = "--title", paramLabel = "TITLE", description = "A title of your own for the feed.")
    String title;

    @Option(names = "--paused", paramLabel = "true|false", arity = "1",
            description = "Pause (true) or resume (false) polling.")
    Boolean paused;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        String feedId = FeedRef.feedId(feed.strip());
        if (clearTags && !tags.isEmpty()) {
            throw new IllegalArgumentException("--clear-tags and --tag do not go together");
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        if (interval != null) {
            patch.put("interval", interval.strip().equalsIgnoreCase("adaptive") ? null : interval.strip());
        }
        if (!tags.isEmpty() || clearTags) {
            patch.put("tags", tags);
        }
        if (title != null) {
            patch.put("title", title);
        }
        if (paused != null) {
            patch.put("paused", paused);
        }
        if (patch.isEmpty()) {
            throw new IllegalArgumentException("nothing to change: give --interval, --tag, --clear-tags, --title"
                    + " or --paused");
        }
        JsonNode sub;
        try {
            sub = api.client().patch("/api/feeds/" + feedId, patch);
        } catch (ApiClient.ErrorResponse e) {
            throw FeedRef.notFound(feed.strip(), e);
        }
        System.out.println("updated " + sub.path("url").asText() + " (feed " + sub.path("feedId").asText()
                + "): interval " + (sub.path("interval").isNull() || sub.path("interval").isMissingNode()
                ? "adaptive" : sub.get("interval").asText())
                + ", tags " + (sub.path("tags").isEmpty() ? "-" : String.join(",", strings(sub.path("tags"))))
                + (sub.path("paused").asBoolean() ? ", paused" : ", polling"));
        return 0;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
