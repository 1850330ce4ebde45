package org.newsline.store.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.newsline.events.EventCodec;
import org.newsline.runtime.http.ApiException;
import org.newsline.runtime.http.RouteSet;

/**
 * The replay routes of the store's API. {@code POST /api/replays} starts a replay in the store process
 * ({@code {"kind": "raw", "since": ..., "until": ..., "feeds": [...], "urlPrefix": ..., "stage": ...,
 * "toTopic": ..., "rate": 100, "maxLag": 30}}) or resumes one ({@code {"resume": "ID"}}) and answers 202 with
 * its status; {@code GET /api/replays/{id}} reports progress; {@code POST /api/replays/{id}/stop} stops it
 * (resumable); {@code GET /api/replays} lists them.
 */
public final class ReplayApi implements RouteSet {

    private static final Set<String> FIELDS = Set.of("kind", "since", "until", "feeds", "urlPrefix", "stage",
            "toTopic", "rate", "maxLag", "resume");

    private final ReplayJobs jobs;

    public ReplayApi(ReplayJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/replays", this::startOrResume);
        routes.get("/api/replays", ctx -> ctx.json(new Listing(jobs.list(), null)));
        routes.get("/api/replays/{id}", ctx -> ctx.json(known(ctx)));
        routes.post("/api/replays/{id}/stop", ctx -> {
            known(ctx);
            ctx.status(202).json(jobs.stop(ctx.pathParam("id")));
        });
    }

    /** The API's listing shape; every replay fits one page. */
    record Listing(List<ReplayStatus> items, String nextCursor) {
    }

    private ReplayStatus known(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ReplayJobs.isId(id)) {
            throw ApiException.notFound("no replay with id " + id.substring(0, Math.min(40, id.length())));
        }
        return jobs.status(id).orElseThrow(() -> ApiException.notFound("no replay with id " + id));
    }

    private void startOrResume(Context ctx) {
        JsonNode body = body(ctx);
        if (body.hasNonNull("resume")) {
            if (body.size() != 1) {
                throw ApiException.badRequest("resume takes no other field: the job keeps its selection");
            }
            String id = body.get("resume").asText();
            try {
                ctx.status(202).json(jobs.resume(id));
            } catch (UnknownReplayException e) {
                throw ApiException.notFound(e.getMessage());
            }
            return;
        }
        ctx.status(202).json(jobs.start(spec(body)));
    }

    /** The selection of a new replay; every mistake becomes a 400 naming the field. */
    static ReplaySpec spec(JsonNode body) {
        try {
            ReplayKind kind = ReplayKind.fromWire(text(body, "kind"));
            List<String> feeds = new ArrayList<>();
            JsonNode f = body.get("feeds");
            if (f != null && !f.isNull()) {
                if (!f.isArray()) {
                    throw new IllegalArgumentException("feeds must be an array of feed ids");
                }
                f.forEach(n -> feeds.add(n.asText()));
            }
            boolean toRaw = kind == ReplayKind.RAW || kind == ReplayKind.DEAD_LETTER;
            int maxLag = body.hasNonNull("maxLag") ? integer(body, "maxLag") : toRaw ? ReplaySpec.DEFAULT_MAX_LAG : 0;
            double rate = body.hasNonNull("rate") ? number(body, "rate") : 0;
            return new ReplaySpec(kind, time(body, "since"), time(body, "until"), feeds, text(body, "urlPrefix"),
                    text(body, "stage"), text(body, "toTopic"), rate, maxLag);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > 2000) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return n.asText();
    }

    private static Instant time(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 time such as 2026-03-01T12:00:00Z");
        }
    }

    private static int integer(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (!n.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return n.asInt();
    }

    private static double number(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (!n.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return n.asDouble();
    }

    private static JsonNode body(Context ctx) {
        JsonNode body;
        try {
            body = EventCodec.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest("unknown field " + field.substring(0, Math.min(40, field.length()))
                        + " (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        return body;
    }
}
