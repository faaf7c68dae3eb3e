package org.liudong.planview.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.config.AnalysisLimits;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;

/** Runs a {@link StatisticsRequest}: for the statistics endpoint and for the red-line report's land-use breakdown. */
public final class StatisticsQuery {
    private final DataSource ds;
    private final QueryLimit limit;
    private final AnalysisLimits limits;

    public StatisticsQuery(DataSource ds, QueryLimit limit, AnalysisLimits limits) {
        this.ds = ds;
        this.limit = limit;
        this.limits = limits;
    }

    Statistics compute(StatisticsRequest r) {
        return compute(ds, r);
    }

    /** As {@link #compute(StatisticsRequest)}, read from {@code ds} (the statistics route's read database). */
    Statistics compute(DataSource ds, StatisticsRequest r) {
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
