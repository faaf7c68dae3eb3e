package org.liudong.planview.health;

import org.liudong.planview.auth.Access;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.db.Lsn;
import org.liudong.planview.db.ReadRouting;
import org.liudong.planview.db.Replica;
import org.liudong.planview.http.ErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /health: is PostGIS reachable, and which version; each database (the primary, the read
 * replicas and their lag). A load balancer reads the status code, which follows the primary alone:
 * a replica out of rotation only moves reads to the primary.
 */
public final class HealthRoutes {
    private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);
    private static final String SQL = "SELECT postgis_lib_version(), current_setting('server_version')";
    private final DataSource ds;
    private final ReadRouting routing;

    public HealthRoutes(DataSource ds, ReadRouting routing) {
        this.ds = ds;
        this.routing = routing;
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
                body.put("databases", databases(true));
                ctx.json(body);
            }
        } catch (SQLException e) {
            // The pool's and the driver's words (pool sizes, timeouts, addresses) are for the log.
            log.warn("health: the database is unreachable: {}", e.getMessage());
            ctx.header("Retry-After", Integer.toString(ErrorHandling.DATABASE_RETRY_SECONDS));
            ErrorHandling.write(ctx, 503, "Service Unavailable", "database unreachable",
                    Map.of("database", "unreachable", "databases", databases(false)));
        }
    }

    /**
     * Each database as the read routing last saw it: the primary, then every replica with its
     * lag (seconds and bytes of WAL behind the primary) and whether reads are sent to it.
     */
    private List<Map<String, Object>> databases(boolean primaryReachable) {
        List<Map<String, Object>> all = new ArrayList<>();
        Map<String, Object> primary = new LinkedHashMap<>();
        primary.put("name", "primary");
        primary.put("role", "primary");
        primary.put("reachable", primaryReachable);
        Lsn at = routing.primaryPosition();
        if (at != null && routing.hasReplicas()) primary.put("walPosition", at.toString());
        all.add(primary);
        for (Replica r : routing.replicas()) {
            Replica.State s = r.state();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("role", "replica");
            m.put("reachable", s.reachable());
            m.put("inRotation", s.inRotation());
            m.put("lagSeconds", s.lag() == null ? null : s.lag().toMillis() / 1000.0);
            m.put("lagBytes", s.lag() == null ? null : s.lagBytes());
            m.put("replayedPosition", s.replayed() == null ? null : s.replayed().toString());
            if (s.problem() != null) m.put("problem", s.problem());
            all.add(m);
        }
        return all;
    }
}
