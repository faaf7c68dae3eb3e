package org.liudong.planview.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) that {@code /collections/{id}/queryables} answers with, as OGC
 * API – Features Part 3 asks: one entry per property a filter may name, and no others
 * ({@code additionalProperties: false}, since the server refuses any other name).
 */
public final class QueryablesSchema {
    public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private QueryablesSchema() {
    }

    /** With {@code $id} relative to the server ({@code /collections/{id}/queryables}). */
    public static Map<String, Object> of(String collectionId, String title, List<QueryableField> fields) {
        return of("/collections/" + collectionId + "/queryables", title, fields, Map.of());
    }

    /**
     * @param schemaId    the absolute URL of this queryables document, for {@code $id}
     * @param fieldTitles optional human titles per property name (e.g. "用地面积（公顷）")
     */
    public static Map<String, Object> of(String schemaId, String title, List<QueryableField> fields,
                                         Map<String, String> fieldTitles) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (QueryableField f : fields) {
            Map<String, Object> p = new LinkedHashMap<>();
            String fieldTitle = fieldTitles.get(f.name());
            if (fieldTitle != null) p.put("title", fieldTitle);
            p.putAll(typeOf(f.type()));
            properties.put(f.name(), p);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DRAFT_2020_12);
        schema.put("$id", schemaId);
        schema.put("type", "object");
        if (title != null) schema.put("title", title);
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> typeOf(FieldType type) {
        return switch (type) {
            case STRING -> Map.of("type", "string");
            case NUMBER -> Map.of("type", "number");
            case INTEGER -> Map.of("type", "integer");
            case BOOLEAN -> Map.of("type", "boolean");
            case DATE -> ordered("type", "string", "format", "date");
            case TIMESTAMP -> ordered("type", "string", "format", "date-time");
            // Part 3's own keyword for "any geometry"; clients that know it offer the spatial functions
            case GEOMETRY -> Map.of("format", "geometry-any");
        };
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
