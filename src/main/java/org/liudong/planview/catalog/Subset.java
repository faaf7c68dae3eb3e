package org.liudong.planview.catalog;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.SqlStatement;

/**
 * A collection that is part of a table: the rows where {@code column} (as text) equals {@code value},
 * and/or the rows whose geometry has one dimension (0 points, 1 lines, 2 polygons). The second
 * splits a table of mixed geometry into one collection per geometry type, which is what clients
 * such as QGIS and every shapefile need: a layer has one geometry type.
 *
 * @param column    null = no column condition (then {@code value} is null too)
 * @param dimension null = any geometry
 */
public record Subset(String column, String value, Integer dimension) {
    /** The condition on the table aliased {@code t}, its value bound. */
    public SqlStatement condition(String geometrySql) {
        List<String> sql = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (column != null) {
            sql.add("t." + Sql.ident(column) + "::text = ?");
            params.add(value);
        }
        if (dimension != null) sql.add("ST_Dimension(" + geometrySql + ") = " + dimension);
        return new SqlStatement(String.join(" AND ", sql), params);
    }

    /** In words, for messages: "kind = 'zone'", "the polygons", "kind = 'zone' and the polygons". */
    public String describe() {
        String rows = column == null ? null : column + " = '" + value + "'";
        String shapes = dimension == null ? null : switch (dimension) {
            case 0 -> "the points";
            case 1 -> "the lines";
            default -> "the polygons";
        };
        return rows == null ? shapes : shapes == null ? rows : rows + " and " + shapes;
    }

    /** The GeoJSON geometry family of a one-dimension subset (Point, LineString, Polygon, single or multi), or null. */
    public String geometryFamily() {
        if (dimension == null) return null;
        return switch (dimension) {
            case 0 -> "Point";
            case 1 -> "LineString";
            default -> "Polygon";
        };
    }
}
