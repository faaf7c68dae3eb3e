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
            // The driver hands text over as the UTF-8 bytes a tile holds (client_encoding is always
            // UTF8): kept as bytes, a value is neither decoded to a string nor encoded back.
            case TEXT -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : new Utf8(b);
            }
        };
        return rs.wasNull() ? null : v;
    }

    /** A text value as its UTF-8 bytes, equal to another with the same bytes (the value dictionary's key). */
    static final class Utf8 {
        private final byte[] bytes;
        private final int hash;

        Utf8(byte[] bytes) {
            this.bytes = bytes;
            this.hash = java.util.Arrays.hashCode(bytes);
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Utf8 u && u.hash == hash && java.util.Arrays.equals(u.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
