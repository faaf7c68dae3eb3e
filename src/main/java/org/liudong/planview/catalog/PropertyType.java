package org.liudong.planview.catalog;

/** What a column holds, as far as the API cares: how to filter, sort and describe it. */
public enum PropertyType {
    STRING, INTEGER, NUMBER, BOOLEAN, DATE, TIMESTAMP,
    /** json/jsonb: written out as JSON, not filterable. */
    JSON,
    /** arrays and anything else: written out, not filterable. */
    OTHER;

    /** From pg_type.typname (udt name), e.g. int8, numeric, varchar, timestamptz. */
    static PropertyType fromPgType(String typname) {
        return switch (typname) {
            case "text", "varchar", "bpchar", "name", "uuid", "citext" -> STRING;
            case "int2", "int4", "int8" -> INTEGER;
            case "numeric", "float4", "float8" -> NUMBER;
            case "bool" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp", "timestamptz" -> TIMESTAMP;
            case "json", "jsonb" -> JSON;
            default -> OTHER;
        };
    }

    /** Scalar types can be compared, filtered and sorted. */
    public boolean isScalar() {
        return this != JSON && this != OTHER;
    }

    /** The JSON Schema type used in /queryables. */
    public String jsonSchemaType() {
        return switch (this) {
            case STRING, DATE, TIMESTAMP -> "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case JSON -> "object";
            case OTHER -> "array";
        };
    }
}
