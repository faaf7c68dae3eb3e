package org.liudong.planview.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryablesSchemaTest {

    @Test
    void jsonSchemaForTheQueryables() throws Exception {
        Map<String, Object> schema = QueryablesSchema.of("land_parcel", "地块 Land parcels", List.of(
                QueryableField.of("parcel_code", FieldType.STRING),
                QueryableField.of("area_ha", FieldType.NUMBER),
                QueryableField.of("id", FieldType.INTEGER),
                QueryableField.of("synthetic", FieldType.BOOLEAN),
                QueryableField.of("approved", FieldType.DATE),
                QueryableField.of("updated", FieldType.TIMESTAMP),
                new QueryableField("geometry", "\"geom\"", FieldType.GEOMETRY)));
        assertEquals("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                + "\"$id\":\"/collections/land_parcel/queryables\","
                + "\"type\":\"object\","
                + "\"title\":\"地块 Land parcels\","
                + "\"properties\":{"
                + "\"parcel_code\":{\"type\":\"string\"},"
                + "\"area_ha\":{\"type\":\"number\"},"
                + "\"id\":{\"type\":\"integer\"},"
                + "\"synthetic\":{\"type\":\"boolean\"},"
                + "\"approved\":{\"type\":\"string\",\"format\":\"date\"},"
                + "\"updated\":{\"type\":\"string\",\"format\":\"date-time\"},"
                + "\"geometry\":{\"format\":\"geometry-any\"}},"
                + "\"additionalProperties\":false}", new ObjectMapper().writeValueAsString(schema));
    }

    @Test
    void absoluteIdAndFieldTitles() {
        Map<String, Object> schema = QueryablesSchema.of("http://127.0.0.1:7070/collections/land_parcel/queryables", "地块",
                List.of(QueryableField.of("area_ha", FieldType.NUMBER)), Map.of("area_ha", "面积（公顷）"));
        assertEquals("http://127.0.0.1:7070/collections/land_parcel/queryables", schema.get("$id"));
        assertEquals(Map.of("area_ha", Map.of("title", "面积（公顷）", "type", "number")), schema.get("properties"));
    }

    @Test
    void columnsMustBeQuotedIdentifiers() {
        QueryableField.of("a\"b", FieldType.STRING); // quotes doubled by quote()
        assertEquals("\"a\"\"b\"", QueryableField.quote("a\"b"));
        new QueryableField("code", "\"p\".\"land_use_code\"", FieldType.STRING);
        new QueryableField("code", "t.\"land_use_code\"", FieldType.STRING);
        for (String bad : List.of("area_m2", "\"a\" OR 1=1", "lower(\"a\")", "\"a\"\"", "\"\"", "\"a\";--", "t.area_m2",
                "t .\"a\"", "1=1 OR t.\"a\"", "t.\"a\".b")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new QueryableField("x", bad, FieldType.STRING), bad);
        }
    }
}
