package org.liudong.planview.catalog;

import org.liudong.planview.db.Sql;

/**
 * One column of a collection's table, as read from PostgreSQL's catalogue.
 *
 * @param name   the column name, which is also the property name on the wire
 * @param sqlType the column's base type name ({@code pg_type.typname}, e.g. {@code int8}, {@code numeric},
 *                {@code varchar}): what request values are cast to, without a length or precision that
 *                could silently truncate them
 * @param type   what the API does with it
 */
public record PropertyInfo(String name, String sqlType, PropertyType type) {
    /** The property a (non-geometry) table column is. */
    public static PropertyInfo of(TableColumn column) {
        return new PropertyInfo(column.name(), column.typeName(), PropertyType.fromPgType(column.typeName()));
    }

    /** The column as a quoted SQL identifier, qualified by the table alias {@code t}. */
    public String column() {
        return "t." + Sql.ident(name);
    }

    /** {@code CAST(? AS type)}: a bound text value converted by PostgreSQL to this column's type. */
    public String castParameter() {
        return "CAST(? AS " + Sql.ident(sqlType) + ")";
    }
}
