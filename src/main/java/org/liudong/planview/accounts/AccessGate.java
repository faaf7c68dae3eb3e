package org.liudong.planview.accounts;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Authenticator;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.auth.Role;
import org.liudong.planview.auth.Secrets;
import org.liudong.planview.http.Links;
import org.liudong.planview.http.Problem;

/**
 * Runs before every matched route: establishes the {@link Caller}, then lets the request through
 * only if the route's {@link Access} admits that caller. A GET without a declared role is a read;
 * any other method without one is closed to everyone. Writes also pass two checks against
 * cross-site requests: a browser's {@code Origin} must be this server, and a caller signed in by
 * the session cookie must echo the session's CSRF token in {@code X-CSRF-Token}.
 */
public final class AccessGate {
    /** Sent by the web map's own requests: a 401 to them carries no Basic challenge. */
    static final String PAGE_HEADER = "X-Planview-Page";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BASIC_CHALLENGE = "Basic realm=\"planview\", charset=\"UTF-8\"";

    private final Authenticator authenticator;
    private final AuditLog audit;
    private final boolean anonymousRead;
    private final java.time.Duration retryAfter;

    /** @param retryAfter how long a caller refused for too many failed sign-ins should wait (the counting window) */
    public AccessGate(Authenticator authenticator, AuditLog audit, boolean anonymousRead, java.time.Duration retryAfter) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.anonymousRead = anonymousRead;
        this.retryAfter = retryAfter;
    }

    public void install(Javalin app) {
        app.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        boolean read = isRead(ctx.method());
        // The web map's own files (Javalin's static files match as "*"): code and styles, no data.
        Access needed = read && "*".equals(ctx.endpointHandlerPath()) && ctx.routeRoles().isEmpty() ? Access.OPEN
                : needed(ctx.routeRoles(), read);
        Authenticator.Result result = authenticator.authenticate(ctx);
        Caller caller;
        if (result instanceof Authenticator.Known k) {
            caller = k.caller();
        } else if (needed == Access.OPEN) {
            caller = Caller.anonymous(ctx.ip());  // signing in must stay possible
        } else {
            throw refusal(ctx, (Authenticator.Refused) result);
        }
        caller.attachTo(ctx);
        if (needed == null) {
            throw new Problem(403, "Forbidden", ctx.method() + " " + ctx.endpointHandlerPath() + " declares no role, so nobody may call it");
        }
        switch (needed) {
            case OPEN -> { }
            case READ -> {
                if (!caller.signedIn() && !anonymousRead) throw unauthorized(ctx, "sign in to read (this server does not serve anonymous visitors)");
            }
            case SELF -> {
                if (!caller.signedIn()) throw unauthorized(ctx, "sign in first");
            }
            case EDITOR, ADMIN -> {
                Role role = needed == Access.EDITOR ? Role.EDITOR : Role.ADMIN;
                if (!caller.signedIn()) {
                    throw unauthorized(ctx, "this operation needs an account with the role " + role.code()
                            + ": sign in, or send Authorization: Bearer <API token> or HTTP Basic");
                }
                if (!caller.has(role)) {
                    throw new Problem(403, "Forbidden", "this operation needs the role " + role.code() + "; account '" + caller.name()
                            + "' has the role " + caller.role().code());
                }
            }
        }
        if (!read) checkCrossSite(ctx, caller);
    }

    /** The role a route declared; null when a write route declared none. */
    private static Access needed(Set<RouteRole> roles, boolean read) {
        for (RouteRole r : roles) if (r instanceof Access a) return a;
        return read ? Access.READ : null;
    }

    private static boolean isRead(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }

    private static void checkCrossSite(Context ctx, Caller caller) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !origin.equalsIgnoreCase(Links.of(ctx).base())) {
            throw new Problem(403, "Forbidden", "a write from another site (Origin " + origin.replaceAll("[^\\x20-\\x7e]", "?") + ") is refused");
        }
        if (origin != null && origin.equals("null")) throw new Problem(403, "Forbidden", "a write from an opaque origin is refused");
        if (caller.credential() == Caller.Credential.SESSION && !Secrets.same(caller.csrfToken(), ctx.header(CSRF_HEADER))) {
            throw new Problem(403, "Forbidden", "the " + CSRF_HEADER + " header is missing or does not belong to this session; reload the page");
        }
    }

    private Problem refusal(Context ctx, Authenticator.Refused r) {
        if (r.attemptedName() != null) {
            audit.record(AuditEvent.by(Caller.anonymous(ctx.ip()), AuditAction.LOGIN_FAILED).user(r.attemptedName())
                    .with("method", "http-basic").with("path", ctx.path())
                    .outcome(r.status() == 429 ? AuditEvent.Outcome.REFUSED : AuditEvent.Outcome.FAILURE));
        }
        if (r.status() == 401) return unauthorized(ctx, r.detail());
        if (r.status() == 429) ctx.header("Retry-After", Long.toString(retryAfter.toSeconds()));
        return new Problem(r.status(), r.status() == 429 ? "Too Many Requests" : "Forbidden", r.detail());
    }

    /**
     * A 401; with a Basic challenge for API clients (QGIS asks for the password) and for a page a
     * person opened, but not for a script's fetch in the web map: the browser's own password dialog
     * would pop up over the map's sign-in (browsers mark those requests Sec-Fetch-Dest: empty).
     */
    private static Problem unauthorized(Context ctx, String detail) {
        String dest = ctx.header("Sec-Fetch-Dest");
        boolean pageScript = ctx.header(PAGE_HEADER) != null || (dest != null && !dest.equals("document"));
        if (!pageScript) ctx.header("WWW-Authenticate", BASIC_CHALLENGE);
        return new Problem(401, "Unauthorized", detail);
    }
}
