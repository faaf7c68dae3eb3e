package org.liudong.planview.health;

import org.liudong.planview.auth.Access;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.http.ErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /health: is PostGIS reachable, and which version. A load balancer reads the status code. */
public final class HealthRoutes {
    private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);
    private static final String SQL = "SELECT postgis_lib_version(), current_setting('server_version')";
    private final DataSource ds;

    public HealthRoutes(DataSource ds) {
        this.ds = ds;
    }

    public void register(Javalin app) {
        app.get("/health", this::health, Access.OPEN);
    }

    private void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(3);
            try (ResultSet rs = st.executeQuery(SQL)) {
                rs.next();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("database", "reachable");
                body.put("postgis", rs.getString(1));
                body.put("postgresql", rs.getString(2));
                ctx.json(body);
            }
        } catch (SQLException e) {
            // The pool's and the driver's words (pool sizes, timeouts, addresses) are for the log.
            log.warn("health: the database is unreachable: {}", e.getMessage());
            ctx.header("Retry-After", Integer.toString(ErrorHandling.DATABASE_RETRY_SECONDS));
            ErrorHandling.write(ctx, 503, "Service Unavailable", "database unreachable", Map.of("database", "unreachable"));
        }
    }
}
