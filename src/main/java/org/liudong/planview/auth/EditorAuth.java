package org.liudong.planview.auth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.liudong.planview.http.Problem;

/**
 * Guards write operations: the caller must send {@code Authorization: Bearer <token>} with one of
 * the configured editor tokens (PLANVIEW_EDITOR_TOKENS). With none configured, writes are off.
 */
public final class EditorAuth {
    private final List<byte[]> tokens;

    public EditorAuth(List<String> tokens) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Throws a 401/403 problem unless the request carries an editor credential. */
    public void requireEditor(Context ctx) {
        if (tokens.isEmpty()) {
            throw new Problem(403, "Forbidden", "writing is disabled: no editor credential is configured (PLANVIEW_EDITOR_TOKENS)");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"planview\"");
            throw new Problem(401, "Unauthorized", "this operation needs an editor credential: send Authorization: Bearer <token>");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        for (byte[] t : tokens) {
            if (MessageDigest.isEqual(t, given)) return;  // constant time: no timing oracle on tokens
        }
        throw new Problem(403, "Forbidden", "the editor credential is not valid");
    }
}
