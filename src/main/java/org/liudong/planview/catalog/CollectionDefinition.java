package org.liudong.planview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A catalogue row as a caller (the importer) writes it with {@link Catalog#register}. Columns and
 * types are not part of it: they are read from the table. Start from {@link #of} and change what
 * differs with the {@code with…} methods.
 *
 * @param tileProperties null = every scalar property
 * @param queryables     null = every scalar property
 * @param access         who may see it (public by default)
 */
public record CollectionDefinition(
        String id,
        String schema,
        String table,
        String idColumn,
        String geometryColumn,
        CollectionTexts texts,
        String groupId,
        JsonNode defaultStyle,
        int tileMinZoom,
        List<String> tileProperties,
        List<String> queryables,
        int sortOrder,
        CollectionAccess access) {

    /** The common case: a table in {@code public} with columns {@code id} and {@code geom}, no style yet. */
    public static CollectionDefinition of(String id, String table, String titleZh, String titleEn, String groupId) {
        return new CollectionDefinition(id, "public", table, "id", "geom", CollectionTexts.titled(titleZh, titleEn), groupId,
                JsonNodeFactory.instance.objectNode(), 0, null, null, 1000, CollectionAccess.PUBLIC);
    }

    public CollectionDefinition inSchema(String newSchema) {
        return new CollectionDefinition(id, newSchema, table, idColumn, geometryColumn, texts, groupId, defaultStyle,
                tileMinZoom, tileProperties, queryables, sortOrder, access);
    }

    public CollectionDefinition withColumns(String newIdColumn, String newGeometryColumn) {
        return new CollectionDefinition(id, schema, table, newIdColumn, newGeometryColumn, texts, groupId, defaultStyle,
                tileMinZoom, tileProperties, queryables, sortOrder, access);
    }

    public CollectionDefinition withDescriptions(String zh, String en) {
        return withTexts(texts.withDescriptions(zh, en));
    }

    public CollectionDefinition withCaveats(String zh, String en) {
        return withTexts(texts.withCaveats(zh, en));
    }

    public CollectionDefinition withStyle(JsonNode style) {
        return new CollectionDefinition(id, schema, table, idColumn, geometryColumn, texts, groupId, style,
                tileMinZoom, tileProperties, queryables, sortOrder, access);
    }

    public CollectionDefinition withAccess(CollectionAccess newAccess) {
        return new CollectionDefinition(id, schema, table, idColumn, geometryColumn, texts, groupId, defaultStyle,
                tileMinZoom, tileProperties, queryables, sortOrder, newAccess);
    }

    private CollectionDefinition withTexts(CollectionTexts newTexts) {
        return new CollectionDefinition(id, schema, table, idColumn, geometryColumn, newTexts, groupId, defaultStyle,
                tileMinZoom, tileProperties, queryables, sortOrder, access);
    }
}
