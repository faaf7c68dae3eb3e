package org.liudong.planview.accounts;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Account;
import org.liudong.planview.auth.Accounts;
import org.liudong.planview.auth.ApiTokens;
import org.liudong.planview.auth.Authenticator;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.auth.LoginThrottle;
import org.liudong.planview.auth.Sessions;
import org.liudong.planview.http.JsonBody;
import org.liudong.planview.http.Problem;

/**
 * Signing in and out of the web map, and what an account does for itself: {@code POST /auth/login}
 * (JSON name and password; sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF
 * token the page sends with every write), {@code POST /auth/logout}, {@code GET /auth/session},
 * {@code POST /auth/password}, and the account's API tokens under {@code /auth/tokens}.
 */
public final class SessionRoutes {
    private final Accounts accounts;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final boolean anonymousRead;
    private final boolean secureCookies;

    public SessionRoutes(Accounts accounts, Sessions sessions, ApiTokens tokens, LoginThrottle throttle, AuditLog audit,
                         boolean anonymousRead, boolean secureCookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.anonymousRead = anonymousRead;
        this.secureCookies = secureCookies;
    }

    public void register(Javalin app) {
        app.post("/auth/login", this::login, Access.OPEN);
        app.post("/auth/logout", this::logout, Access.OPEN);
        app.get("/auth/session", this::session, Access.OPEN);
        app.post("/auth/password", this::changePassword, Access.SELF);
        app.get("/auth/tokens", this::listTokens, Access.SELF);
        app.post("/auth/tokens", this::issueToken, Access.SELF);
        app.delete("/auth/tokens/{tokenId}", this::revokeToken, Access.SELF);
    }

    private void login(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        String name = body.required("name").strip();
        String password = body.required("password");
        String address = ctx.ip();
        AuditEvent event = AuditEvent.by(Caller.anonymous(address), AuditAction.LOGIN_FAILED).user(name).with("method", "page");
        if (!throttle.allows(name, address)) {
            audit.record(event.outcome(AuditEvent.Outcome.REFUSED));
            ctx.header("Retry-After", Long.toString(throttle.window().toSeconds()));
            throw new Problem(429, "Too Many Requests", "too many failed sign-ins for this account or from this address; try again in "
                    + throttle.window().toMinutes() + " minutes");
        }
        Optional<Account> account = accounts.verify(name, password);
        throttle.record(name, address, account.isPresent());
        if (account.isEmpty()) {
            audit.record(event.outcome(AuditEvent.Outcome.FAILURE));
            throw new Problem(401, "Unauthorized", "the account name or password is wrong, or the account is disabled");
        }
        Account a = account.get();
        Sessions.Started s = sessions.start(a, address);
        audit.record(new AuditEvent(a.name(), a.role().code(), address, AuditAction.LOGIN, null, Map.of("method", "page"), null,
                AuditEvent.Outcome.SUCCESS));
        Cookie cookie = new Cookie(Authenticator.SESSION_COOKIE, s.token(), "/", (int) sessions.lifetime().toSeconds(), secureCookies, 0,
                true, null, null, SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.header("Cache-Control", "no-store");
        ctx.json(sessionBody(a.name(), a.role().code(), s.csrfToken()));
    }

    private void logout(Context ctx) {
        Caller caller = Caller.of(ctx);
        String token = ctx.cookie(Authenticator.SESSION_COOKIE);
        if (token != null) {
            sessions.end(token);
            if (caller.credential() == Caller.Credential.SESSION) audit.record(AuditEvent.by(caller, AuditAction.LOGOUT));
        }
        ctx.removeCookie(Authenticator.SESSION_COOKIE, "/");
        ctx.status(204);
    }

    private void session(Context ctx) {
        Caller caller = Caller.of(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.json(caller.signedIn() ? sessionBody(caller.name(), caller.role().code(), caller.csrfToken()) : sessionBody(null, null, null));
    }

    private Map<String, Object> sessionBody(String name, String role, String csrf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signedIn", name != null);
        body.put("name", name);
        body.put("role", role);
        body.put("csrfToken", csrf);
        body.put("anonymousRead", anonymousRead);
        return body;
    }

    private void changePassword(Context ctx) {
        Caller caller = Caller.of(ctx);
        if (caller.accountId() == null) throw new Problem(403, "Forbidden", "a configured editor token has no password to change");
        JsonBody body = JsonBody.of(ctx);
        String current = body.required("current");
        String next = body.required("password");
        if (!throttle.allows(caller.name(), caller.address())) {
            throw new Problem(429, "Too Many Requests", "too many failed attempts; try again in " + throttle.window().toMinutes() + " minutes");
        }
        boolean ok = accounts.verify(caller.name(), current).isPresent();
        throttle.record(caller.name(), caller.address(), ok);
        if (!ok) throw Problem.badRequest("current: the current password is wrong");
        accounts.setPassword(caller.name(), next);
        audit.record(AuditEvent.by(caller, AuditAction.USER_PASSWORD).with("account", caller.name()));
        ctx.removeCookie(Authenticator.SESSION_COOKIE, "/");
        ctx.status(204);
    }

    private void listTokens(Context ctx) {
        Caller caller = ownAccount(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("tokens", tokens.list(caller.accountId())));
    }

    private void issueToken(Context ctx) {
        Caller caller = ownAccount(ctx);
        ApiTokens.Issued issued = tokens.issue(caller.accountId(), JsonBody.of(ctx).text("label"));
        audit.record(AuditEvent.by(caller, AuditAction.TOKEN_ISSUE).with("token", issued.id()).with("label", issued.label()));
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(issued);
    }

    private void revokeToken(Context ctx) {
        Caller caller = ownAccount(ctx);
        String idText = ctx.pathParam("tokenId");
        if (!idText.matches("\\d{1,18}")) throw Problem.notFound("no token " + idText.replaceAll("[^\\w-]", "?"));
        if (!tokens.revoke(caller.accountId(), Long.parseLong(idText))) throw Problem.notFound("you have no active token " + idText);
        audit.record(AuditEvent.by(caller, AuditAction.TOKEN_REVOKE).with("token", Long.parseLong(idText)));
        ctx.status(204);
    }

    private static Caller ownAccount(Context ctx) {
        Caller caller = Caller.of(ctx);
        if (caller.accountId() == null) throw new Problem(403, "Forbidden", "only an account has API tokens of its own");
        return caller;
    }
}
