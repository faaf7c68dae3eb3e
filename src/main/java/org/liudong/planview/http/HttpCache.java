package org.liudong.planview.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a shared cache (nginx, a CDN) and a browser may do with a tile or a page of features:
 * {@code Cache-Control}, {@code Vary} and a weak {@code ETag}, and the answer to a conditional
 * request. A response is stored by shared caches only when anyone may read it unrecorded: the
 * collection is public, reading without signing in is on, and public reads are not audited (a
 * read served by a cache never reaches the audit trail). Anything else is {@code private,
 * no-cache}: a browser may keep it but asks again each time, and no shared cache stores it.
 *
 * <p>The ETag is weak: it is built from the collection's change marker and the representation
 * (format, encoding), not from the bytes, so a revalidation is answered without cutting the tile or
 * running the query; the bytes of one state of the data may differ by a timestamp or row order.
 */
public final class HttpCache {
    private final boolean anonymousRead;
    private final boolean auditsPublicReads;
    private final int maxAgeSeconds;

    public HttpCache(boolean anonymousRead, boolean auditsPublicReads, int maxAgeSeconds) {
        this.anonymousRead = anonymousRead;
        this.auditsPublicReads = auditsPublicReads;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /** Whether a shared cache may store what is served of a collection {@code internal} or not. */
    public boolean shared(boolean internal) {
        return !internal && anonymousRead && !auditsPublicReads;
    }

    /**
     * Sets the caching headers for one representation and answers a conditional request: true when
     * the client's copy is current, in which case the status is 304 and the caller writes nothing more.
     *
     * @param marker  the collection's change marker, read before the data
     * @param variant what else tells this representation apart (format, gzip …), hashed into the tag
     * @param vary    the request headers the representation depends on besides credentials
     */
    public boolean answer(Context ctx, boolean internal, long marker, String variant, String vary) {
        boolean shared = shared(internal);
        ctx.header("Cache-Control", shared ? "public, max-age=" + maxAgeSeconds : "private, no-cache");
        // A private answer depends on who asks: a browser must not give one person's copy to the next.
        ctx.header("Vary", shared ? vary : vary + ", Authorization, Cookie");
        String etag = "W/\"" + marker + "-" + shortHash(variant) + "\"";
        ctx.header("ETag", etag);
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    /** RFC 9110's weak comparison: any listed tag equal to ours with W/ set aside, or "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.equals("*") || opaque(t).equals(ours)) return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
