package org.liudong.planview.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.query.SelectionSql;

/**
 * The one statement of a statistics answer: the selection's WHERE (from {@code query/}), the
 * polygon as a one-row subquery {@code p}, and GROUPING SETS so that the groups and the total
 * come from a single pass over the rows. Column order: the group values, a flag that is 1 on
 * the total row, count, area in m² (when the features have one), then each aggregate.
 */
final class StatisticsSql {
    private StatisticsSql() {
    }

    static SqlStatement build(StatisticsRequest r, int maxGroups) {
        CollectionInfo c = r.collection();
        String geom = c.geometrySql();
        List<String> columns = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (PropertyInfo p : r.groupBy()) {
            groups.add(p.column());
            boolean asText = p.type() == PropertyType.DATE || p.type() == PropertyType.TIMESTAMP;
            columns.add(asText ? p.column() + "::text" : p.column());
        }
        columns.add(groups.isEmpty() ? "1" : "GROUPING(" + String.join(", ", groups) + ")");
        columns.add("count(*)");
        if (r.hasArea()) columns.add("coalesce(sum(" + Areas.sql(c, areaGeometry(r, geom)) + "), 0)");
        for (Map.Entry<String, List<PropertyInfo>> a : r.aggregates().entrySet()) {
            for (PropertyInfo p : a.getValue()) columns.add(a.getKey() + "(" + p.column() + ")::float8");
        }

        List<SqlStatement> from = new ArrayList<>();
        from.add(SqlStatement.of(" FROM " + c.tableSql() + " t"));
        List<SqlStatement> conditions = new ArrayList<>(SelectionSql.conditions(c, r.selection()));
        if (r.polygon() != null) {
            SqlStatement p = r.polygon().geometry();
            String inStorage = c.storageSrid() == CrsRegistry.STORAGE_SRID ? p.sql() : "ST_Transform(" + p.sql() + ", " + c.storageSrid() + ")";
            from.add(new SqlStatement(" CROSS JOIN (SELECT " + inStorage + " AS g) p", p.params()));
            conditions.add(SqlStatement.of(switch (r.mode()) {
                // Interiors must meet: a neighbour that only shares an edge has nothing in the polygon.
                case CLIP -> interiorsMeet(geom, "p.g");
                case INTERSECTS -> "ST_Intersects(" + geom + ", p.g)";
                // ST_Covers reads the prepared polygon; ST_CoveredBy, the same relation, does not (5× slower on a zone).
                case WITHIN -> "ST_Covers(p.g, " + geom + ")";
            }));
        }
        SqlStatement where = SelectionSql.whereOf(conditions);
        String groupBy = groups.isEmpty() ? "" : " GROUP BY GROUPING SETS ((" + String.join(", ", groups) + "), ())";
        String order = groups.isEmpty() ? "" : " ORDER BY " + (groups.size() + 1) + " DESC, "
                + String.join(", ", java.util.stream.IntStream.rangeClosed(1, groups.size()).mapToObj(Integer::toString).toList());
        SqlStatement fromSql = SqlStatement.join("", from);
        // One row more than allowed (plus the total) tells that there are too many groups.
        return SqlStatement.join("", List.of(SqlStatement.of("SELECT " + String.join(", ", columns)), fromSql, where,
                SqlStatement.of(groupBy + order + (groups.isEmpty() ? "" : " LIMIT " + (maxGroups + 2)))));
    }

    /** What a feature contributes to the area: itself, or in CLIP mode its part inside the polygon. */
    private static String areaGeometry(StatisticsRequest r, String geom) {
        if (r.polygon() == null || r.mode() != PolygonMode.CLIP) return geom;
        return clippedTo(geom, "p.g");
    }

    /**
     * SQL: the interiors of {@code geom} and {@code polygon} meet. Most features of a zone lie well
     * inside it, and ST_ContainsProperly answers them from PostGIS's prepared polygon; only the
     * rest pay for ST_Touches, which is not prepared (a zone's balance at 1,000,000 parcels took
     * less than half the time, docs/benchmark.md).
     */
    static String interiorsMeet(String geom, String polygon) {
        return "ST_Intersects(" + geom + ", " + polygon + ") AND (ST_ContainsProperly(" + polygon + ", " + geom + ") OR NOT ST_Touches("
                + geom + ", " + polygon + "))";
    }

    /** SQL: the part of {@code geom} inside {@code polygon}; a feature properly inside needs no intersection. */
    static String clippedTo(String geom, String polygon) {
        return "CASE WHEN ST_ContainsProperly(" + polygon + ", " + geom + ") THEN " + geom + " ELSE ST_Intersection(" + geom + ", " + polygon
                + ") END";
    }

    /** The polygon's own area and whether it exists, in one row: (area m², is null). */
    static SqlStatement polygonArea(AreaOfInterest polygon) {
        SqlStatement p = polygon.geometry();
        return new SqlStatement("SELECT " + Areas.sql("g", CrsRegistry.STORAGE_SRID) + ", g IS NULL, ST_Dimension(g) FROM (SELECT "
                + p.sql() + " AS g) p", p.params());
    }
}
