package org.liudong.planview.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.http.Problem;

/**
 * {@code POST /web/prints}: the web map says it made a print layout or a parcel sheet — the
 * browser draws and prints the sheet itself, so this is how 出图 reaches the audit trail (who
 * printed what, at which scale, showing which layers). Only layers the caller may read are named.
 */
public final class PrintLogRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = Set.of("map", "parcel");
    private static final Set<String> PAPERS = Set.of("A4-landscape", "A4-portrait", "A3-landscape", "A3-portrait");
    private static final Pattern FEATURE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int MAX_LAYERS = 60;

    private final Catalog catalog;
    private final AuditLog audit;

    public PrintLogRoutes(Catalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    public void register(Javalin app) {
        // A POST because it records something, but it changes no data: readers print too.
        app.post("/web/prints", this::record, Access.READ);
    }

    private void record(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw Problem.badRequest("send JSON: {\"kind\": \"map\" or \"parcel\", \"paper\", \"scale\", \"layers\": [...]}");
        }
        if (body == null || !body.isObject()) throw Problem.badRequest("send a JSON object");
        String kind = body.path("kind").asText("");
        if (!KINDS.contains(kind)) throw Problem.badRequest("kind: 'map' or 'parcel'");
        String paper = body.path("paper").asText("");
        if (!PAPERS.contains(paper)) throw Problem.badRequest("paper: one of " + String.join(", ", PAPERS));
        long scale = body.path("scale").asLong(0);
        if (scale < 1 || scale > 100_000_000) throw Problem.badRequest("scale: the denominator, 1 to 100000000");
        Caller caller = Caller.of(ctx);
        Set<String> readable = new java.util.HashSet<>();
        catalog.all(caller).forEach(c -> readable.add(c.id()));
        List<String> layers = new ArrayList<>();
        for (JsonNode l : body.path("layers")) {
            if (layers.size() == MAX_LAYERS) break;
            if (l.isTextual() && readable.contains(l.asText())) layers.add(l.asText());
        }
        AuditEvent e = AuditEvent.by(caller, AuditAction.PRINT).with("kind", kind).with("paper", paper).with("scale", scale)
                .with("layers", String.join(",", layers));
        String parcel = body.path("parcel").asText(null);
        if (parcel != null) {
            if (!FEATURE_ID.matcher(parcel).matches()) throw Problem.badRequest("parcel: a feature id");
            e = e.with("parcel", parcel);
        }
        audit.record(e);
        ctx.status(204);
    }
}
