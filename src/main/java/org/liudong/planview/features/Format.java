package org.liudong.planview.features;

import io.javalin.http.Context;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;
import org.liudong.planview.query.ItemsRequest;

/** JSON or HTML, chosen by {@code f=} first, then by the Accept header (browsers get HTML, QGIS JSON). */
public enum Format {
    JSON, HTML;

    public static Format of(Context ctx) {
        String f = ctx.queryParam("f");
        if (f != null) {
            return switch (f.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw Problem.badRequest("parameter f: '" + Text.shorten(f) + "' is not a format of this API; use json or html");
            };
        }
        return fromAccept(ctx.header("Accept"));
    }

    /** The better-weighted of HTML and JSON in an Accept header; JSON when neither is named or on a tie after JSON. */
    static Format fromAccept(String accept) {
        if (accept == null || accept.isBlank()) return JSON;
        double html = -1, json = -1;
        int htmlAt = Integer.MAX_VALUE, jsonAt = Integer.MAX_VALUE;
        String[] ranges = accept.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].trim().split(";");
            String type = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int p = 1; p < parts.length; p++) {
                String param = parts[p].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                if (q > html) { html = q; htmlAt = i; }
            } else if (type.equals("application/json") || type.equals("application/geo+json") || type.endsWith("+json")) {
                if (q > json) { json = q; jsonAt = i; }
            }
        }
        if (html > json || (html == json && html > 0 && htmlAt < jsonAt)) return HTML;
        return JSON;
    }
}
