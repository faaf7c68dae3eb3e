package org.liudong.planview.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.config.ServerSettings;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.query.SelectionSql;

/**
 * GET /config.json: what the web map needs from the server's configuration and lookup tables and
 * cannot get from the OGC API — whether 天地图 basemaps are offered (the key is a browser key, so
 * it is meant to be handed to the page), the producing unit printed on map sheets, and the land-use classes with their drawing colours and
 * whether any layer styled by them uses each (the legend shows the classes present).
 */
public final class WebConfigRoutes {
    private static final String LAND_USE_TABLE = "land_use_class";
    // The lookup table belongs to the data migrations; before they ran (or on a database loaded
    // some other way) the page still works with its own colours.
    private static final String TABLE_EXISTS = "SELECT to_regclass('public.land_use_class') IS NOT NULL";
    private static final String CLASSES = "SELECT code, name_zh, name_en, level, colour FROM land_use_class ORDER BY code";

    private final DataSource ds;
    private final Catalog catalog;
    private final String tiandituKey;
    private final String producer;

    public WebConfigRoutes(DataSource ds, Catalog catalog, ServerSettings server) {
        this.ds = ds;
        this.catalog = catalog;
        this.tiandituKey = server.tiandituKey();
        this.producer = server.producer();
    }

    public void register(Javalin app) {
        app.get("/config.json", this::config);
    }

    private void config(Context ctx) throws SQLException {
        Map<String, Object> tianditu = new LinkedHashMap<>();
        tianditu.put("enabled", tiandituKey != null);
        if (tiandituKey != null) tianditu.put("key", tiandituKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tianditu", tianditu);
        body.put("landUseClasses", landUseClasses(Caller.of(ctx)));  // a lost database is the central 503 (ErrorHandling)
        body.put("sqmPerMu", 666.67);
        if (producer != null) body.put("producer", producer);
        ctx.header("Cache-Control", "no-cache");
        ctx.json(body);
    }

    private List<Map<String, Object>> landUseClasses(Caller caller) throws SQLException {
        List<Map<String, Object>> classes = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(TABLE_EXISTS); ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) return classes;
            }
            Set<String> used = usedCodes(c, caller);
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

    /**
     * The land-use codes present in the layers whose style takes its categories from the lookup
     * table (the parcels, and any imported parcel layer styled the same way).
     */
    private Set<String> usedCodes(Connection c, Caller caller) throws SQLException {
        Set<String> used = new HashSet<>();
        for (CollectionInfo info : catalog.all(caller)) {
            JsonNode style = info.defaultStyle();
            String property = style.path("categorizedBy").asText(null);
            if (!LAND_USE_TABLE.equals(style.path("categoriesFrom").asText(null)) || property == null
                    || info.property(property).isEmpty()) {
                continue;
            }
            var where = SelectionSql.whereOf(SelectionSql.subset(info).map(List::of).orElse(List.of()));
            SqlStatement distinct = new SqlStatement("SELECT DISTINCT t." + Sql.ident(property) + "::text FROM " + info.tableSql()
                    + " t" + where.sql(), where.params());
            try (PreparedStatement ps = distinct.prepare(c)) {
                ps.setQueryTimeout(10);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) if (rs.getString(1) != null) used.add(rs.getString(1));
                }
            }
        }
        return used;
    }
}
