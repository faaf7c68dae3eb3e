package org.liudong.planview.auth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds out who sent a request, from (in this order) {@code Authorization: Bearer} (an account's
 * API token, or a configured editor token), {@code Authorization: Basic} (an account's name and
 * password, as QGIS's authentication manager sends them), or the web map's session cookie.
 * Credentials that are given but wrong are refused, never taken for an anonymous visit.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "planview_session";
    /** HTTP Basic sends the password with every request (every tile); one Argon2 check per minute per client is enough. */
    private static final long BASIC_CACHE_NANOS = 60_000_000_000L;
    private static final int BASIC_CACHE_MAX = 1000;

    private final Accounts accounts;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final List<String> editorTokens;
    private final Map<String, VerifiedBasic> verifiedBasic = new ConcurrentHashMap<>();

    public Authenticator(Accounts accounts, Sessions sessions, ApiTokens tokens, LoginThrottle throttle, List<String> editorTokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
        this.editorTokens = List.copyOf(editorTokens);
    }

    /** The result: who the caller is, or why their credentials are refused. */
    public sealed interface Result permits Known, Refused {
    }

    public record Known(Caller caller) implements Result {
    }

    /**
     * @param challenge     the WWW-Authenticate value to send with a 401 (null for other statuses)
     * @param attemptedName the account name a failed Basic sign-in gave, for the audit trail
     */
    public record Refused(int status, String detail, String challenge, String attemptedName) implements Result {
    }

    private record VerifiedBasic(long accountId, String passwordHash, long until) {
    }

    public Result authenticate(Context ctx) {
        String address = ctx.ip();
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return bearer(authorization.substring(7).trim(), address);
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) return basic(authorization.substring(6).trim(), address);
            return new Refused(401, "the Authorization header must be 'Bearer <token>' or HTTP Basic", "Basic realm=\"planview\", charset=\"UTF-8\"", null);
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie != null) {
            Optional<Caller> c = sessions.find(cookie, address);
            if (c.isPresent()) return new Known(c.get());
            // An expired or ended session: an anonymous visit (the page then offers to sign in again).
        }
        return new Known(Caller.anonymous(address));
    }

    private Result bearer(String token, String address) {
        for (String t : editorTokens) {
            if (Secrets.same(t, token)) {
                return new Known(new Caller(editorName(token), Role.EDITOR, null, Caller.Credential.EDITOR_TOKEN, address, null));
            }
        }
        return tokens.find(token, address).<Result>map(Known::new)
                .orElseGet(() -> new Refused(403, "the bearer token is not valid (unknown or revoked, or its account is disabled)", null, null));
    }

    private Result basic(String encoded, String address) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Refused(401, "the HTTP Basic credentials are not Base64", challenge(), null);
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) return new Refused(401, "HTTP Basic needs an account name and a password", challenge(), null);
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = Secrets.sha256(decoded);
        VerifiedBasic cached = verifiedBasic.get(key);
        if (cached != null && cached.until() > System.nanoTime()) {
            // The role as it is now; a changed password or a disabled account ends the cached check.
            Optional<Accounts.Stored> now = accounts.stored(cached.accountId());
            if (now.isPresent() && now.get().passwordHash().equals(cached.passwordHash())) return new Known(callerOf(now.get().account(), address));
        }
        verifiedBasic.remove(key);
        if (!throttle.allows(name, address)) {
            return new Refused(429, "too many failed sign-ins for this account or from this address; try again in "
                    + throttle.window().toMinutes() + " minutes", null, name);
        }
        Optional<Account> account = accounts.verify(name, password);
        throttle.record(name, address, account.isPresent());
        if (account.isEmpty()) return new Refused(401, "the account name or password is wrong, or the account is disabled", challenge(), name);
        if (verifiedBasic.size() >= BASIC_CACHE_MAX) verifiedBasic.clear();
        accounts.stored(account.get().id()).ifPresent(s ->
                verifiedBasic.put(key, new VerifiedBasic(s.account().id(), s.passwordHash(), System.nanoTime() + BASIC_CACHE_NANOS)));
        return new Known(callerOf(account.get(), address));
    }

    private static Caller callerOf(Account a, String address) {
        return new Caller(a.name(), a.role(), a.id(), Caller.Credential.BASIC, address, null);
    }

    private static String challenge() {
        return "Basic realm=\"planview\", charset=\"UTF-8\"";
    }

    /** A configured editor token is named by a fingerprint, never by the token itself. */
    static String editorName(String token) {
        return "editor-" + Secrets.sha256(token).substring(0, 12);
    }
}
