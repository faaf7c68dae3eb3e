package org.liudong.planview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.liudong.planview.db.Sql;

/**
 * A collection as the API serves it: its catalogue row joined with what the database says about
 * its table (columns, geometry type, SRID). Immutable; {@link Catalog} replaces it when the table
 * or the row changes.
 *
 * @param subset     null = the whole table; else the rows where a column has a value
 * @param properties the feature properties: every column except the id and the geometry columns
 * @param queryables properties that may be filtered and sorted on (scalar ones), the id included
 * @param access     who may see it
 * @param version    null: the collection's current data (its own table); else a past version, whose
 *                   rows are a copy in schema layer_history (V62) — what {@code tableSql()} names
 * @param temporal   the property that is a feature's time for {@code datetime} (a year, date or
 *                   timestamp column the catalogue names), or null
 */
public record CollectionInfo(
        String id,
        String schema,
        String table,
        PropertyInfo idProperty,
        String geometryColumn,
        String geometryType,
        int storageSrid,
        Subset subset,
        CollectionTexts texts,
        CollectionGroup group,
        JsonNode defaultStyle,
        TileSettings tiles,
        List<PropertyInfo> properties,
        List<PropertyInfo> queryables,
        int sortOrder,
        CollectionAccess access,
        Integer version,
        PropertyInfo temporal) {

    /** The name of the spatial queryable (CQL2 S_INTERSECTS etc.), as OGC examples call it. */
    public static final String GEOMETRY_QUERYABLE = "geometry";

    public CollectionInfo {
        properties = List.copyOf(properties);
        queryables = List.copyOf(queryables);
    }

    /** The table, quoted and schema-qualified, for FROM clauses (always aliased {@code t}). */
    public String tableSql() {
        return Sql.ident(schema) + "." + Sql.ident(table);
    }

    /** The stored geometry, quoted and qualified by the alias {@code t}. */
    public String geometrySql() {
        return "t." + Sql.ident(geometryColumn);
    }

    public Optional<PropertyInfo> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PropertyInfo> queryable(String name) {
        return queryables.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean internal() {
        return access == CollectionAccess.INTERNAL;
    }

    public String title(boolean english) {
        return texts.title(english);
    }
}
