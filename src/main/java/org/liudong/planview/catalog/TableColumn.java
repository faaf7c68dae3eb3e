package org.liudong.planview.catalog;

/**
 * One column of a table as PostgreSQL's catalogue describes it.
 *
 * @param name         the column name
 * @param declaredType the full type as declared ({@code format_type}: {@code character varying(40)},
 *                     {@code geometry(MultiPolygon,4490)}), what a value must be cast to for this column
 * @param typeName     the base type name ({@code pg_type.typname}: {@code varchar}, {@code int8}, {@code geometry})
 * @param required     NOT NULL without a default: an insert must give a value
 * @param generated    a generated column: never written
 * @param geometryType for a geometry column, its type modifier's type ({@code MULTIPOLYGON} …), else null
 * @param srid         for a geometry column, its type modifier's SRID (0 when unconstrained), else 0
 */
public record TableColumn(String name, String declaredType, String typeName, boolean required, boolean generated,
                          String geometryType, int srid) {

    public boolean isGeometry() {
        return "geometry".equals(typeName) || "geography".equals(typeName);
    }
}
