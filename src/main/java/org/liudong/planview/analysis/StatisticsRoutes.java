package org.liudong.planview.analysis;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.config.AnalysisLimits;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;

/**
 * {@code GET /collections/{id}/statistics}: counts, areas and aggregates of a selection, grouped,
 * computed by PostGIS — the 用地平衡表 of a zone, the status of a cluster's land, projects by year.
 * JSON, or CSV with {@code f=csv}.
 */
public final class StatisticsRoutes {
    private final DataSource ds;
    private final Catalog catalog;
    private final QueryLimit limit;
    private final AnalysisLimits limits;

    public StatisticsRoutes(DataSource ds, Catalog catalog, QueryLimit limit, AnalysisLimits limits) {
        this.ds = ds;
        this.catalog = catalog;
        this.limit = limit;
        this.limits = limits;
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/statistics", this::statistics);
    }

    private void statistics(Context ctx) {
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"));
        StatisticsRequest r = StatisticsRequest.parse(c, ctx.queryParamMap(), catalog, limits);
        Statistics s = compute(r);
        ctx.header("Cache-Control", "no-store");
        if (r.csv()) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + c.id() + "-statistics.csv\"; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(c.title(false) + "_统计.csv", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            ctx.contentType("text/csv; charset=utf-8").result(s.csv());
        } else {
            ctx.json(s.json());
        }
    }

    Statistics compute(StatisticsRequest r) {
        SqlStatement sql = StatisticsSql.build(r, limits.maxGroups());
        try (Connection conn = ds.getConnection()) {
            Double polygonM2 = r.polygon() == null ? null : polygonArea(conn, r.polygon());
            List<Statistics.Row> rows = new ArrayList<>();
            try (PreparedStatement ps = limit.apply(sql.prepare(conn)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(row(rs, r));
            }
            Statistics.Row total = rows.stream().filter(Statistics.Row::total).findFirst()
                    .orElseGet(() -> Statistics.Row.empty(r));
            List<Statistics.Row> groups = rows.stream().filter(x -> !x.total()).toList();
            if (groups.size() > limits.maxGroups()) {
                throw Problem.badRequest("parameter groupBy: more than " + limits.maxGroups() + " groups (PLANVIEW_STATISTICS_MAX_GROUPS); "
                        + "group by fewer or coarser properties, or narrow the selection");
            }
            return new Statistics(r, groups, total, polygonM2);
        } catch (SQLException e) {
            throw AnalysisFailures.problem(e, "statistics of " + r.collection().id());
        }
    }

    private double polygonArea(Connection conn, AreaOfInterest polygon) throws SQLException {
        try (PreparedStatement ps = limit.apply(StatisticsSql.polygonArea(polygon).prepare(conn)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getBoolean(2)) throw Problem.badRequest("parameter polygon: no feature " + polygon.source());
            if (rs.getInt(3) != 2) throw Problem.badRequest("parameter polygon: " + polygon.source() + " is not a polygon");
            return rs.getDouble(1);
        }
    }

    private static Statistics.Row row(ResultSet rs, StatisticsRequest r) throws SQLException {
        int i = 0;
        Map<String, Object> key = new LinkedHashMap<>();
        for (PropertyInfo p : r.groupBy()) key.put(p.name(), rs.getObject(++i));
        boolean total = r.groupBy().isEmpty() || rs.getInt(++i) != 0;
        if (r.groupBy().isEmpty()) ++i;
        long count = rs.getLong(++i);
        Double area = r.hasArea() ? rs.getDouble(++i) : null;
        Map<String, Map<String, Double>> aggregates = new LinkedHashMap<>();
        for (var a : r.aggregates().entrySet()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (PropertyInfo p : a.getValue()) {
                double v = rs.getDouble(++i);
                values.put(p.name(), rs.wasNull() ? null : v);
            }
            if (!values.isEmpty()) aggregates.put(a.getKey(), values);
        }
        return new Statistics.Row(total, key, count, area, aggregates);
    }
}
