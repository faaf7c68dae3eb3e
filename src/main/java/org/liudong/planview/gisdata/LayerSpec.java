package org.liudong.planview.gisdata;

import java.util.List;

/**
 * How one shipped GeoJSON file maps onto one table: the properties copied (by name) and how
 * the geometry is parsed. Names here are code constants, never data, so they may be spliced
 * into SQL; every value goes through a bound parameter.
 */
record LayerSpec(String table, String file, List<Column> columns, Shape shape) {

    enum Type { TEXT, NUMERIC, INTEGER, BOOLEAN, JSONB }

    record Column(String name, Type type) {
        String placeholder() {
            return type == Type.JSONB ? "?::jsonb" : "?";
        }
    }

    /** The SQL that turns a GeoJSON geometry parameter into the column's type. */
    enum Shape {
        MULTI("ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4490))"),
        AS_IS("ST_SetSRID(ST_GeomFromGeoJSON(?), 4490)");

        final String sql;

        Shape(String sql) {
            this.sql = sql;
        }
    }

    String insertSql() {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Column c : columns) {
            names.append(c.name()).append(", ");
            values.append(c.placeholder()).append(", ");
        }
        return "INSERT INTO " + table + " (" + names + "geom) VALUES (" + values + shape.sql + ")";
    }

    static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    static Column numeric(String name) {
        return new Column(name, Type.NUMERIC);
    }

    static Column integer(String name) {
        return new Column(name, Type.INTEGER);
    }

    static Column bool(String name) {
        return new Column(name, Type.BOOLEAN);
    }

    static Column jsonb(String name) {
        return new Column(name, Type.JSONB);
    }
}
