package org.liudong.planview.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Absolute links back to this server, as the request reached it (honouring a reverse proxy's X-Forwarded-*). */
public final class Links {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");
    private final String base;

    private Links(String base) {
        this.base = base;
    }

    public static Links of(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String host = ctx.header("X-Forwarded-Host");
        String scheme = "https".equalsIgnoreCase(proto) ? "https" : "http".equalsIgnoreCase(proto) ? "http" : ctx.scheme();
        if (host == null || !HOST.matcher(host).matches()) host = ctx.host();
        if (host == null || !HOST.matcher(host).matches()) host = "127.0.0.1:" + ctx.port();
        return new Links(scheme + "://" + host);
    }

    public String base() {
        return base;
    }

    /** {@code base + path}, path segments given raw and percent-encoded here. */
    public String url(String path) {
        return base + path;
    }

    public String url(String path, Map<String, List<String>> query) {
        String q = query(query);
        return base + path + (q.isEmpty() ? "" : "?" + q);
    }

    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String query(Map<String, List<String>> query) {
        StringBuilder sb = new StringBuilder();
        query.forEach((k, values) -> {
            for (String v : values) {
                if (!sb.isEmpty()) sb.append('&');
                sb.append(segment(k)).append('=').append(segment(v));
            }
        });
        return sb.toString();
    }

    /** A copy of the query with one parameter set (null value = removed). */
    public static Map<String, List<String>> with(Map<String, List<String>> query, String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(query);
        if (value == null) copy.remove(name);
        else copy.put(name, List.of(value));
        return copy;
    }

    public static void add(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode l = links.addObject();
        l.put("href", href);
        l.put("rel", rel);
        if (type != null) l.put("type", type);
        if (title != null) l.put("title", title);
    }
}
