package org.liudong.planview.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into application/problem+json; stack traces go to the log, never to the caller. */
public final class ErrorHandling {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    public static void install(Javalin app) {
        app.exception(Problem.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.detail(), Map.of()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), reason(e.getStatus()), e.getMessage(), Map.of()));
        app.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            log.error("incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
            write(ctx, 500, "Internal Server Error",
                    "the server failed to answer this request; incident " + incident + " is in its log", Map.of());
        });
        app.error(404, ctx -> {
            if (!PROBLEM_JSON.equals(ctx.res().getContentType())) {
                write(ctx, 404, "Not Found", "no resource at " + ctx.path(), Map.of());
            }
        });
        app.error(405, ctx -> write(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path(), Map.of()));
    }

    public static void write(Context ctx, int status, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        body.putAll(extra);
        ctx.status(status);
        ctx.json(body);
        ctx.contentType(PROBLEM_JSON);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
