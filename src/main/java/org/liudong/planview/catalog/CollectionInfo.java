package org.liudong.planview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A collection as the API serves it: its catalogue row joined with what the database says about
 * its table (columns, geometry type, SRID, extent). Immutable; {@link Catalog} replaces it when
 * the table or the row changes.
 *
 * @param properties    the feature properties: every column except the id and the geometry columns
 * @param queryables    properties that may be filtered and sorted on (scalar ones), the id included
 * @param tileProperties properties written into vector tiles
 * @param subsetColumn  with subsetValue: the collection is the rows of the table where this column equals the value
 * @param tileGeometryColumn a stored EPSG:3857 copy of the geometry that tiles are cut from, or null
 * @param tileOverviewBelowZoom tiles of zooms below this come from the table's generalised
 *                      overview ({@code <table>_overview}, see V7) while it is current; null: none
 */
public record CollectionInfo(
        String id,
        String schema,
        String table,
        PropertyInfo idProperty,
        String geometryColumn,
        String geometryType,
        int storageSrid,
        String subsetColumn,
        String subsetValue,
        String titleZh,
        String titleEn,
        String descriptionZh,
        String descriptionEn,
        CollectionGroup group,
        String caveatZh,
        String caveatEn,
        JsonNode defaultStyle,
        int tileMinZoom,
        int tileMaxZoom,
        List<PropertyInfo> properties,
        List<PropertyInfo> queryables,
        List<String> tileProperties,
        int sortOrder,
        String tileGeometryColumn,
        Integer tileOverviewBelowZoom) {

    /** The name of the spatial queryable (CQL2 S_INTERSECTS etc.), as OGC examples call it. */
    public static final String GEOMETRY_QUERYABLE = "geometry";

    public CollectionInfo {
        properties = List.copyOf(properties);
        queryables = List.copyOf(queryables);
        tileProperties = List.copyOf(tileProperties);
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

    public String title(boolean english) {
        return english ? titleEn : titleZh;
    }
}
