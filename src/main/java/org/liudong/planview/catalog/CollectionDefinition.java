package org.liudong.planview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A catalogue row as a caller (the importer) writes it with {@link Catalog#register}. Columns and
 * types are not part of it: they are read from the table.
 *
 * @param tileProperties null = every scalar property
 * @param queryables     null = every scalar property
 */
public record CollectionDefinition(
        String id,
        String schema,
        String table,
        String idColumn,
        String geometryColumn,
        String titleZh,
        String titleEn,
        String descriptionZh,
        String descriptionEn,
        String groupId,
        String caveatZh,
        String caveatEn,
        JsonNode defaultStyle,
        int tileMinZoom,
        List<String> tileProperties,
        List<String> queryables,
        int sortOrder) {

    /** The common case: a table in {@code public} with columns {@code id} and {@code geom}, no style yet. */
    public static CollectionDefinition of(String id, String table, String titleZh, String titleEn, String groupId) {
        return new CollectionDefinition(id, "public", table, "id", "geom", titleZh, titleEn, null, null, groupId,
                null, null, JsonNodeFactory.instance.objectNode(), 0, null, null, 1000);
    }

    public CollectionDefinition withDescriptions(String zh, String en) {
        return new CollectionDefinition(id, schema, table, idColumn, geometryColumn, titleZh, titleEn, zh, en, groupId,
                caveatZh, caveatEn, defaultStyle, tileMinZoom, tileProperties, queryables, sortOrder);
    }

    public CollectionDefinition withCaveats(String zh, String en) {
        return new CollectionDefinition(id, schema, table, idColumn, geometryColumn, titleZh, titleEn, descriptionZh,
                descriptionEn, groupId, zh, en, defaultStyle, tileMinZoom, tileProperties, queryables, sortOrder);
    }

    public CollectionDefinition withColumns(String newIdColumn, String newGeometryColumn) {
        return new CollectionDefinition(id, schema, table, newIdColumn, newGeometryColumn, titleZh, titleEn,
                descriptionZh, descriptionEn, groupId, caveatZh, caveatEn, defaultStyle, tileMinZoom, tileProperties,
                queryables, sortOrder);
    }

    public CollectionDefinition withStyle(JsonNode style) {
        return new CollectionDefinition(id, schema, table, idColumn, geometryColumn, titleZh, titleEn, descriptionZh,
                descriptionEn, groupId, caveatZh, caveatEn, style, tileMinZoom, tileProperties, queryables, sortOrder);
    }
}
