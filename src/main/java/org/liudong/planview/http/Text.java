package org.liudong.planview.http;

import java.nio.charset.StandardCharsets;

/** Small text helpers for answers: echoing a caller's value, and the bytes of a JSON text. */
public final class Text {
    private static final java.time.ZoneOffset BEIJING = java.time.ZoneOffset.ofHours(8);

    /** A time as JSON shows it: ISO 8601 in Beijing time (UTC+8); null stays null. */
    public static String beijingTime(java.time.OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(BEIJING).toString();
    }

    private static final int MAX_ECHO = 80;

    private Text() {
    }

    /** A caller's value echoed in a message, cut short: a huge parameter must not become a huge answer. */
    public static String shorten(String s) {
        return shorten(s, MAX_ECHO);
    }

    /** As {@link #shorten(String)}, at most {@code max} characters (a value inside a longer sentence). */
    public static String shorten(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /**
     * JSON is UTF-8 (RFC 8259), but Jetty encodes a String result in ISO-8859-1 for media types
     * it does not know (application/geo+json …), turning Chinese into '?': write the bytes ourselves.
     */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
