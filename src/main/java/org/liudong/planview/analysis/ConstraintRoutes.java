package org.liudong.planview.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.http.Problem;

/**
 * {@code PUT /collections/{id}/constraint} with {@code {"constraint": true}} (editors only): flags
 * a polygon layer — typically an imported 生态保护红线 or 永久基本农田 — as a constraint, so that the
 * red-line report lists every overlap with it as a conflict. {@code GET} tells the current flag.
 */
final class ConstraintRoutes {
    private static final ObjectMapper json = new ObjectMapper();
    private final DataSource ds;
    private final Catalog catalog;
    private final AuditLog audit;

    ConstraintRoutes(DataSource ds, Catalog catalog, AuditLog audit) {
        this.ds = ds;
        this.catalog = catalog;
        this.audit = audit;
    }

    void register(Javalin app) {
        app.get("/collections/{collectionId}/constraint", this::read);
        app.put("/collections/{collectionId}/constraint", this::write, Access.EDITOR);
    }

    private void read(Context ctx) throws SQLException {
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx));
        try (Connection conn = ds.getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT is_constraint FROM collection WHERE id = ?")) {
            ps.setString(1, c.id());
            try (var rs = ps.executeQuery()) {
                rs.next();
                ctx.json(body(c, rs.getBoolean(1)));
            }
        } catch (SQLException e) {
            throw AnalysisFailures.problem(e, "the constraint flag of " + c.id());
        }
    }

    private void write(Context ctx) {
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx));
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (Exception e) {
            throw Problem.badRequest("send JSON: {\"constraint\": true} or {\"constraint\": false}");
        }
        if (body == null || !body.path("constraint").isBoolean()) {
            throw Problem.badRequest("send JSON: {\"constraint\": true} or {\"constraint\": false}");
        }
        boolean flag = body.get("constraint").asBoolean();
        if (flag && !RedlineAnalysis.polygonal(c)) {
            throw Problem.badRequest("collection " + c.id() + " holds " + c.geometryType() + " features; a constraint layer is made of polygons");
        }
        try (Connection conn = ds.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("UPDATE collection SET is_constraint = ?, updated_at = now() WHERE id = ?")) {
                ps.setBoolean(1, flag);
                ps.setString(2, c.id());
                ps.executeUpdate();
                // The flag and its audit row commit together.
                audit.record(conn, AuditEvent.by(Caller.of(ctx), AuditAction.CONSTRAINT).collection(c.id())
                        .with("constraint", Boolean.toString(flag)));
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw AnalysisFailures.problem(e, "the constraint flag of " + c.id());
        }
        ctx.json(body(c, flag));
    }

    private static Map<String, Object> body(CollectionInfo c, boolean flag) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("constraint", flag);
        return m;
    }
}
