package org.liudong.planview.audit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;

/**
 * Records reads of features ({@code /items}, one item) that answered 2xx: of internal collections
 * always, of public ones only when PLANVIEW_AUDIT_PUBLIC_READS asks. Tiles are not recorded one by
 * one (a map view is dozens of them); exports are recorded by the export itself.
 */
public final class ReadAudit {
    private static final String ENDPOINT = "planview.endpoint";
    private static final Set<String> READ_PATHS = Set.of("/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}");
    private final Catalog catalog;
    private final AuditLog audit;

    public ReadAudit(Catalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    public void install(Javalin app) {
        // After the endpoint, endpointHandlerPath() names the after-handler's own path; note the endpoint's before.
        app.beforeMatched(ctx -> ctx.attribute(ENDPOINT, ctx.endpointHandlerPath()));
        app.afterMatched(this::after);
    }

    private void after(Context ctx) {
        if (ctx.method() != HandlerType.GET || ctx.statusCode() >= 300 || !READ_PATHS.contains(ctx.<String>attribute(ENDPOINT))) return;
        CollectionInfo c = catalog.find(ctx.pathParam("collectionId")).orElse(null);
        if (c == null || !audit.recordsReads(c.internal())) return;
        Map<String, String> parameters = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> parameters.put(k, String.join(",", v)));
        AuditEvent e = AuditEvent.by(Caller.of(ctx), AuditAction.READ).collection(c.id()).withAll(parameters);
        audit.record(ctx.pathParamMap().containsKey("featureId") ? e.with("feature", ctx.pathParam("featureId")) : e);
    }
}
