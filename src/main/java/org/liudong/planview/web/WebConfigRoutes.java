package org.liudong.planview.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.liudong.planview.config.Settings;
import org.liudong.planview.http.ErrorHandling;

/**
 * GET /config.json: what the web map needs from the server's configuration and lookup tables and
 * cannot get from the OGC API — whether 天地图 basemaps are offered (the key is a browser key, so
 * it is meant to be handed to the page), and the land-use classes with their drawing colours.
 */
public final class WebConfigRoutes {
    // The lookup table belongs to the data migrations; before they ran (or on a database loaded
    // some other way) the page still works with its own colours.
    private static final String TABLE_EXISTS = "SELECT to_regclass('public.land_use_class') IS NOT NULL, "
            + "to_regclass('public.land_parcel') IS NOT NULL";
    private static final String CLASSES = "SELECT code, name_zh, name_en, level, colour FROM land_use_class ORDER BY code";
    private static final String USED_CODES = "SELECT DISTINCT land_use_code FROM land_parcel WHERE land_use_code IS NOT NULL";

    private final DataSource ds;
    private final String tiandituKey;

    public WebConfigRoutes(DataSource ds, Settings settings) {
        this.ds = ds;
        this.tiandituKey = settings.tiandituKey();
    }

    public void register(Javalin app) {
        app.get("/config.json", this::config);
    }

    private void config(Context ctx) {
        Map<String, Object> tianditu = new LinkedHashMap<>();
        tianditu.put("enabled", tiandituKey != null);
        if (tiandituKey != null) tianditu.put("key", tiandituKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tianditu", tianditu);
        try {
            body.put("landUseClasses", landUseClasses());
        } catch (SQLException e) {
            ErrorHandling.write(ctx, 503, "Service Unavailable", "the database is not reachable: " + e.getMessage(), Map.of());
            return;
        }
        body.put("sqmPerMu", 666.67);
        ctx.header("Cache-Control", "no-cache");
        ctx.json(body);
    }

    private List<Map<String, Object>> landUseClasses() throws SQLException {
        List<Map<String, Object>> classes = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            boolean haveClasses;
            boolean haveParcels;
            try (PreparedStatement ps = c.prepareStatement(TABLE_EXISTS); ResultSet rs = ps.executeQuery()) {
                rs.next();
                haveClasses = rs.getBoolean(1);
                haveParcels = rs.getBoolean(2);
            }
            if (!haveClasses) return classes;
            Set<String> used = new HashSet<>();
            if (haveParcels) {
                try (PreparedStatement ps = c.prepareStatement(USED_CODES)) {
                    ps.setQueryTimeout(10);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) used.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CLASSES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", rs.getString("code"));
                    row.put("name_zh", rs.getString("name_zh"));
                    row.put("name_en", rs.getString("name_en"));
                    row.put("level", rs.getObject("level"));
                    row.put("colour", rs.getString("colour"));
                    row.put("used", used.contains(rs.getString("code")));
                    classes.add(row);
                }
            }
        }
        return classes;
    }
}
