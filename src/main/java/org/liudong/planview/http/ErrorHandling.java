package org.liudong.planview.http;

import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into application/problem+json; stack traces go to the log, never to the
 * caller. A failure of the database connection, from whichever layer and however wrapped, is a
 * 503 with Retry-After: the request was fine, the database was not there.
 */
public final class ErrorHandling {
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Seconds a caller is asked to wait while the database is unreachable. */
    public static final int DATABASE_RETRY_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    /**
     * Jetty's own answers (before any route) as problems, and a deadline for request headers. The
     * connector is ours, so that it carries the deadline; it listens on {@code host}:{@code port}.
     */
    public static void configureJetty(JettyConfig jetty, String host, int port, int headerTimeoutSeconds) {
        JettyProblems problems = new JettyProblems();
        jetty.modifyServer(server -> server.setErrorHandler(problems));
        jetty.modifyServletContextHandler(context -> context.setErrorHandler(problems));
        HeaderDeadline deadline = new HeaderDeadline(headerTimeoutSeconds);
        jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.addBean(deadline);
            return connector;
        });
    }

    public static void install(Javalin app) {
        // Jetty lets an encoded '/' through to the routes (Javalin's URI compliance), where it would
        // quietly split or not match a path parameter: say what is wrong instead.
        app.before(ctx -> {
            String raw = ctx.req().getRequestURI();
            if (raw.contains("%2F") || raw.contains("%2f")) {
                throw Problem.badRequest("an encoded '/' (%2F) inside a path segment is not accepted: collection ids never "
                        + "contain '/', and a feature whose id does cannot be addressed by URL");
            }
        });
        app.exception(Problem.class, (e, ctx) -> {
            if (e.retryAfterSeconds() != null) ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            write(ctx, e.status(), e.title(), e.detail(), Map.of());
        });
        // Javalin's own refusals: our words for the status, not Javalin's message.
        app.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), reason(e.getStatus()), plainDetail(e.getStatus()), Map.of()));
        app.exception(Exception.class, (e, ctx) -> {
            Optional<ConnectionFailures.Reason> database = ConnectionFailures.of(e);
            if (database.isPresent()) {
                log.warn("{} {}: 503, {}", ctx.method(), ctx.path(), database.get().detail());
                databaseUnavailable(ctx, database.get());
                return;
            }
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

    /** The 503 for a request that needed the database while it could not be had. */
    public static void databaseUnavailable(Context ctx, ConnectionFailures.Reason reason) {
        ctx.header("Retry-After", Integer.toString(DATABASE_RETRY_SECONDS));
        write(ctx, 503, "Service Unavailable", reason.detail(), Map.of());
    }

    public static void write(Context ctx, int status, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        body.putAll(extra);
        // A failure is never stored, whatever caching headers the route had set before it failed.
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        ctx.json(body);
        ctx.contentType(PROBLEM_JSON);
    }

    /** What a status means for the caller, in our words, when there is nothing more specific to say. */
    static String plainDetail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "this needs a credential: send Authorization: Bearer <token>";
            case 403 -> "this credential may not do that";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 408 -> "the request did not arrive in time";
            case 413 -> "the request body is larger than the server accepts";
            case 414 -> "the URL is longer than the server accepts";
            case 431 -> "the request's headers are larger than the server accepts";
            case 503 -> "the server cannot answer now; try again in a moment";
            default -> status >= 500 ? "the server failed to answer this request" : "the request cannot be served";
        };
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }
}
