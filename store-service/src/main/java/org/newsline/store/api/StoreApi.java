package org.newsline.store.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.newsline.events.Article;
import org.newsline.events.EventCodec;
import org.newsline.events.FeedSubscription;
import org.newsline.runtime.http.ApiException;
import org.newsline.runtime.http.RouteSet;
import org.newsline.store.db.ArticleQuery;
import org.newsline.store.db.ArticleStore;
import org.newsline.store.db.Page;
import org.newsline.store.db.RawQuery;
import org.newsline.store.db.StatementQuery;

/**
 * The {@code /api/*} routes of the store: queries over the archive, subscriptions, takedowns. Every list is
 * {@code {"items": [...], "nextCursor": ...}}; fields are the topics' names. The OpenAPI description is at
 * {@code /api/openapi.json}.
 */
public final class StoreApi implements RouteSet {

    private static final Set<String> SUBSCRIBE_FIELDS = Set.of("url", "tags", "interval");
    private static final Set<String> PATCH_FIELDS = Set.of("title", "tags", "interval", "paused");
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 100;
    private static final int MAX_ID = 200;

    private final ArticleStore store;
    private final FeedSubscriptions feeds;
    private final Clock clock;
    private final byte[] openApi;

    public StoreApi(ArticleStore store, FeedSubscriptions feeds) {
        this(store, feeds, Clock.systemUTC());
    }

    StoreApi(ArticleStore store, FeedSubscriptions feeds, Clock clock) {
        this.store = store;
        this.feeds = feeds;
        this.clock = clock;
        this.openApi = readOpenApi();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/articles", this::listArticles);
        routes.get("/api/articles/{articleId}", this::getArticle);
        routes.delete("/api/articles/{articleId}", this::takeDown);
        routes.get("/api/statements", this::listStatements);
        routes.get("/api/speakers", this::listSpeakers);
        routes.get("/api/feeds", this::listFeeds);
        routes.post("/api/feeds", this::subscribe);
        routes.patch("/api/feeds/{feedId}", this::updateFeed);
        routes.delete("/api/feeds/{feedId}", this::unsubscribe);
        routes.delete("/api/feeds", this::unsubscribeByUrl); // ?url=...: a URL does not fit in a path segment
        routes.get("/api/stats", ctx -> ctx.json(store.stats()));
        routes.get("/api/raw", this::listRaw);
        routes.get("/api/raw/{articleId}", this::getRaw);
        routes.get("/api/dead-letters", this::listDeadLetters);
        routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    // ---- articles -------------------------------------------------------------------------------------------

    private void listArticles(Context ctx) {
        QueryParams p = params(ctx);
        ArticleQuery query = validated(() -> new ArticleQuery(p.text("q", QueryParams.MAX_TEXT), p.feedId(),
                p.time("since"), p.time("until"), p.language(), p.text("author", QueryParams.MAX_NAME),
                p.isArticle(), p.limit(), p.cursor()));
        Page<Article> page = store.articles(query);
        List<JsonNode> items = new ArrayList<>(page.items().size());
        for (Article a : page.items()) {
            // list items stay small: the full article with html and statements is one GET away
            ObjectNode node = EventCodec.mapper().valueToTree(a);
            node.remove("html");
            node.remove("statements");
            items.add(node);
        }
        ctx.json(new Listing<>(items, page.nextCursor()));
    }

    private void getArticle(Context ctx) {
        String id = pathId(ctx, "articleId");
        ctx.json(store.article(id).orElseThrow(() -> ApiException.notFound("no article with id " + id)));
    }

    private void takeDown(Context ctx) {
        String id = pathId(ctx, "articleId");
        if (!store.deleteArticle(id)) {
            throw ApiException.notFound("no article with id " + id);
        }
        ctx.status(204);
    }

    // ---- statements and speakers ----------------------------------------------------------------------------

    private void listStatements(Context ctx) {
        QueryParams p = params(ctx);
        StatementQuery query = validated(() -> new StatementQuery(p.text("speaker", QueryParams.MAX_NAME),
                p.text("q", QueryParams.MAX_TEXT), p.time("since"), p.time("until"), p.kind(), p.limit(),
                p.cursor()));
        ctx.json(Listing.of(store.statements(query)));
    }

    private void listSpeakers(Context ctx) {
        QueryParams p = params(ctx);
        Instant since = p.time("since");
        Instant until = p.time("until");
        int limit = p.limit();
        ctx.json(new Listing<>(validated(() -> store.speakers(since, until, limit)), null));
    }

    // ---- feeds ----------------------------------------------------------------------------------------------

    private void listFeeds(Context ctx) {
        ctx.json(new Listing<>(store.feeds(), null));
    }

    private void subscribe(Context ctx) {
        ObjectNode body = jsonBody(ctx, SUBSCRIBE_FIELDS);
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw ApiException.badRequest("url is required: {\"url\": \"https://example.org/feed.xml\"}");
        }
        String feedUrl = QueryParams.checked("url", url.asText().trim(), QueryParams.MAX_URL);
        List<String> tags = tags(body.get("tags"));
        Duration interval = interval(body.get("interval"));
        FeedSubscription subscription;
        try {
            subscription = feeds.subscribe(feedUrl, tags == null ? List.of() : tags, interval);
        } catch (FeedRejectedException e) {
            throw rejected(e);
        }
        ctx.status(201).json(subscription);
    }

    private void updateFeed(Context ctx) {
        String feedId = QueryParams.feedIdOf("feedId", pathValue(ctx, "feedId"));
        ObjectNode body = jsonBody(ctx, PATCH_FIELDS);
        String title = null;
        if (body.hasNonNull("title")) {
            if (!body.get("title").isTextual()) {
                throw ApiException.badRequest("title must be a string");
            }
            title = QueryParams.checked("title", body.get("title").asText(), QueryParams.MAX_TEXT);
        }
        Boolean paused = null;
        if (body.has("paused")) {
            if (!body.get("paused").isBoolean()) {
                throw ApiException.badRequest("paused must be true or false");
            }
            paused = body.get("paused").asBoolean();
        }
        JsonNode intervalNode = body.get("interval");
        boolean adaptive = body.has("interval")
                && (intervalNode.isNull() || "adaptive".equalsIgnoreCase(intervalNode.asText()));
        Duration interval = adaptive ? null : interval(intervalNode);
        FeedPatch patch = new FeedPatch(title, tags(body.get("tags")), interval, adaptive, paused);
        if (patch.isEmpty()) {
            throw ApiException.badRequest("nothing to change: give title, tags, interval or paused");
        }
        try {
            ctx.json(feeds.update(feedId, patch));
        } catch (UnknownFeedException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private void unsubscribe(Context ctx) {
        String feed = pathValue(ctx, "feedId");
        if (!feeds.unsubscribe(feed)) {
            throw ApiException.notFound("no feed is subscribed as " + QueryParams.shorten(feed));
        }
        ctx.status(204);
    }

    private void unsubscribeByUrl(Context ctx) {
        String url = new QueryParams(ctx, clock).text("url", QueryParams.MAX_URL);
        if (url == null) {
            throw ApiException.badRequest("url is required: DELETE /api/feeds?url=https://example.org/feed.xml");
        }
        if (!feeds.unsubscribe(url)) {
            throw ApiException.notFound("no feed is subscribed as " + QueryParams.shorten(url));
        }
        ctx.status(204);
    }

    private static ApiException rejected(FeedRejectedException e) {
        int status = switch (e.reason()) {
            case INVALID_URL, NOT_ALLOWED -> 400;
            case UNREACHABLE, NOT_A_FEED -> 422;
        };
        return new ApiException(status, e.getMessage());
    }

    private static List<String> tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > MAX_TAGS) {
            throw ApiException.badRequest("tags must be an array of at most " + MAX_TAGS + " strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : node) {
            if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().length() > MAX_TAG_LENGTH) {
                throw ApiException.badRequest("each tag must be a non-empty string of at most " + MAX_TAG_LENGTH
                        + " characters");
            }
            tags.add(QueryParams.checked("tags", tag.asText().trim(), MAX_TAG_LENGTH));
        }
        return tags;
    }

    private static Duration interval(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("interval must be a string such as \"15m\"");
        }
        try {
            return IntervalParam.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    // ---- raw archive and dead letters -----------------------------------------------------------------------

    private void listRaw(Context ctx) {
        QueryParams p = params(ctx);
        RawQuery query = validated(() -> new RawQuery(p.time("since"), p.time("until"), p.feedId(),
                p.text("urlPrefix", QueryParams.MAX_URL), p.limit(), p.cursor()));
        ctx.json(Listing.of(store.rawPages(query)));
    }

    private void getRaw(Context ctx) {
        String id = pathId(ctx, "articleId");
        ctx.json(store.rawPage(id).orElseThrow(() -> ApiException.notFound("no archived page for article " + id)));
    }

    private void listDeadLetters(Context ctx) {
        QueryParams p = params(ctx);
        Instant since = p.time("since");
        int limit = p.limit();
        String stage = p.text("stage", QueryParams.MAX_NAME);
        String cursor = p.cursor();
        ctx.json(Listing.of(validated(() -> store.deadLetters(stage, since, limit, cursor))));
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    /** A listing: {@code nextCursor} is null on the last page. */
    record Listing<T>(List<T> items, String nextCursor) {
        static <T> Listing<T> of(Page<T> page) {
            return new Listing<>(page.items(), page.nextCursor());
        }
    }

    private QueryParams params(Context ctx) {
        return new QueryParams(ctx, clock);
    }

    /** Builds a query; the checks the query itself makes (ranges, cursors) become 400s. */
    private static <T> T validated(Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String pathId(Context ctx, String name) {
        return pathValue(ctx, name);
    }

    private static String pathValue(Context ctx, String name) {
        String value = ctx.pathParam(name);
        return QueryParams.checked(name, value, name.equals("feedId") ? QueryParams.MAX_URL : MAX_ID);
    }

    private static ObjectNode jsonBody(Context ctx, Set<String> allowed) {
        JsonNode body;
        try {
            body = EventCodec.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!allowed.contains(field)) {
                throw ApiException.badRequest("unknown field " + QueryParams.shorten(field) + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return (ObjectNode) body;
    }

    private static byte[] readOpenApi() {
        try (InputStream in = StoreApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the store-service jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
