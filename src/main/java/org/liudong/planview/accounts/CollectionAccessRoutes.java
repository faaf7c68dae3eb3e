package org.liudong.planview.accounts;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionAccess;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.http.JsonBody;
import org.liudong.planview.http.Problem;

/** Admins make a collection public or internal: {@code PUT /collections/{id}/access {"access": "internal"}}. */
public final class CollectionAccessRoutes {
    private final Catalog catalog;
    private final AuditLog audit;

    public CollectionAccessRoutes(Catalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    public void register(Javalin app) {
        app.put("/collections/{collectionId}/access", this::set, Access.ADMIN);
    }

    private void set(Context ctx) {
        Caller caller = Caller.of(ctx);
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"), caller);
        String text = JsonBody.of(ctx).required("access");
        CollectionAccess access = CollectionAccess.parse(text).orElseThrow(() -> Problem.badRequest("access: public or internal"));
        catalog.setAccess(c.id(), access);
        audit.record(AuditEvent.by(caller, AuditAction.COLLECTION_ACCESS).collection(c.id()).with("from", c.access().code())
                .with("to", access.code()));
        ctx.json(Map.of("id", c.id(), "access", access.code()));
    }
}
