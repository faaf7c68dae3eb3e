package org.liudong.planview.auth;

import io.javalin.http.Context;

/**
 * Who sent a request, as {@link AccessGate} established it: an account (by session cookie, API
 * token or HTTP Basic), a configured editor token, or nobody.
 *
 * @param name       the account name (or the editor token's fingerprint); null when anonymous
 * @param role       null when anonymous
 * @param accountId  null when anonymous or a configured editor token
 * @param credential how the caller proved who they are
 * @param address    the client's address as the server sees it
 * @param csrfToken  the session's CSRF token (session callers only)
 */
public record Caller(String name, Role role, Long accountId, Credential credential, String address, String csrfToken) {
    private static final String ATTRIBUTE = "planview.caller";

    public enum Credential { NONE, SESSION, API_TOKEN, BASIC, EDITOR_TOKEN }

    /** The server itself (start-up work, background jobs): sees every collection. */
    public static final Caller SYSTEM = new Caller("system", Role.ADMIN, null, Credential.NONE, null, null);

    public static Caller anonymous(String address) {
        return new Caller(null, null, null, Credential.NONE, address, null);
    }

    public boolean signedIn() {
        return role != null;
    }

    public boolean has(Role needed) {
        return role != null && role.atLeast(needed);
    }

    /** Internal collections are for the bureau's own people: any signed-in account. */
    public boolean mayReadInternal() {
        return signedIn();
    }

    /** The caller of this request; anonymous when the gate did not run (an unmatched path). */
    public static Caller of(Context ctx) {
        Caller c = ctx.attribute(ATTRIBUTE);
        return c != null ? c : anonymous(ctx.ip());
    }

    /** For the access gate, which establishes the caller once per request. */
    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }
}
