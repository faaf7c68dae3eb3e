package org.liudong.planview.tiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.db.Sql;

/**
 * How one property column becomes an MVT value — the types PostGIS's ST_AsMVT gives it, so that a
 * tile encoded in Java carries what the SQL-encoded tile carried: booleans as bool, integers as
 * uint (sint when negative), float4 as float, float8 as double, and everything else (numeric,
 * dates, varchar …) as the column's text output.
 */
enum TileValue {
    BOOL, INTEGER, FLOAT, DOUBLE, TEXT;

    static TileValue of(PropertyInfo p) {
        return switch (p.sqlType()) {
            case "bool" -> BOOL;
            case "int2", "int4", "int8" -> INTEGER;
            case "float4" -> FLOAT;
            case "float8" -> DOUBLE;
            default -> TEXT;
        };
    }

    /** The column as selected for the tile: text output cast in SQL, where PostgreSQL formats it as ST_AsMVT would. */
    static String select(PropertyInfo p, String alias) {
        String column = p.column();
        boolean cast = of(p) == TEXT && !p.sqlType().equals("text");
        return (cast ? column + "::text" : column) + " AS " + Sql.ident(alias);
    }

    /** The value of column {@code i}, or null (a null is left out of the feature, as ST_AsMVT does). */
    Object read(ResultSet rs, int i) throws SQLException {
        Object v = switch (this) {
            case BOOL -> rs.getBoolean(i);
            case INTEGER -> rs.getLong(i);
            case FLOAT -> rs.getFloat(i);
            case DOUBLE -> rs.getDouble(i);
            case TEXT -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }
}
