package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Nested JSON values (a project's sources, status history, figures) travel whole: in a shapefile
 * ZIP as related CSV tables keyed by the feature id — read back here by GDAL's CSV driver and
 * compared element by element with PostgreSQL's own reading of the JSON — and in a GeoPackage as
 * JSON text that parses to what the database holds.
 */
class NestedValuesExportTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final GdalRunner gdal = new GdalRunner(Map.of(), Duration.ofSeconds(120));

    @TempDir
    Path tmp;

    @Test
    void aShapefileCarriesNestedValuesAsRelatedTablesKeyedByFeatureId() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/projects/export?format=shapefile");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        ExchangeFixtures.unzip(r.body(), tmp);
        OgrInfo.Layer dbf = OgrInfo.summary(tmp.resolve("projects.shp")).get(0);
        assertFalse(dbf.fields().contains("sources") || dbf.fields().contains("status_his") || dbf.fields().contains("figures"),
                "no JSON cut to 254 bytes in the .dbf: " + dbf.fields());
        String manifest = Files.readString(tmp.resolve("fields.csv"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("sources.csv") && manifest.contains("status_history.csv") && manifest.contains("figures.csv"), manifest);

        for (String column : List.of("sources", "status_history", "figures")) {
            Path csv = tmp.resolve(column + ".csv");
            byte[] bytes = Files.readAllBytes(csv);
            assertTrue(bytes.length > 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF,
                    column + ".csv starts with a UTF-8 BOM");
            List<JsonNode> rows = readWithGdal(csv);
            // element by element: what PostgreSQL reads from the stored JSON
            Map<String, Map<String, String>> expected = elements(column);
            assertEquals(expected.size(), rows.size(), column + ": one row per element of every project");
            for (JsonNode row : rows) {
                String key = row.get("id").asText() + "#" + row.get("seq").asText();
                Map<String, String> element = expected.get(key);
                assertTrue(element != null, column + ": no element " + key);
                element.forEach((k, v) -> {
                    JsonNode cell = row.get(k);
                    String got = cell == null || cell.isNull() ? null : cell.asText();
                    if (v == null || v.isEmpty()) assertTrue(got == null || got.isEmpty(), column + " " + key + " " + k + ": " + got);
                    else assertEquals(v, got, column + " " + key + " " + k);
                });
            }
        }
        // the longest quote, whole — where the .dbf used to cut at 254 bytes
        String longest = scalar("SELECT e->>'quote' FROM project, jsonb_array_elements(sources) e WHERE scope = 'liudong' ORDER BY octet_length(e->>'quote') DESC LIMIT 1");
        assertTrue(longest.getBytes(StandardCharsets.UTF_8).length > 254, "the data has quotes longer than a DBF field");
        assertTrue(Files.readString(tmp.resolve("sources.csv"), StandardCharsets.UTF_8).contains(longest));
    }

    @Test
    void aGeoPackageKeepsNestedValuesWholeAsJson() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/projects/export?format=gpkg");
        assertEquals(200, r.statusCode());
        Path gpkg = tmp.resolve("projects.gpkg");
        Files.write(gpkg, r.body());
        Path geojson = tmp.resolve("back.geojson");
        gdal.run(tmp, List.of("ogr2ogr", "-f", "GeoJSON", geojson.toString(), gpkg.toString(), "projects"));
        JsonNode fc = json.readTree(geojson.toFile());
        Map<String, JsonNode> stored = new HashMap<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, json_build_object('sources', sources, 'status_history', status_history, "
                     + "'figures', figures)::text FROM project WHERE scope = 'liudong'")) {
            while (rs.next()) stored.put(rs.getString(1), json.readTree(rs.getString(2)));
        }
        assertEquals(stored.size(), fc.get("features").size());
        for (JsonNode f : fc.get("features")) {
            JsonNode p = f.get("properties");
            JsonNode db = stored.get(p.get("id").asText());
            for (String column : List.of("sources", "status_history", "figures")) {
                JsonNode v = p.get(column);
                JsonNode parsed = v == null || v.isNull() ? json.nullNode() : v.isTextual() ? json.readTree(v.asText()) : v;
                assertEquals(db.get(column), parsed, p.get("id") + " " + column);
            }
        }
    }

    /** (id#n) → key → text of element n, as PostgreSQL reads the stored JSON. */
    private static Map<String, Map<String, String>> elements(String column) throws Exception {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT p.id, e.n, k.key, CASE WHEN jsonb_typeof(k.value) = 'string' THEN k.value #>> '{}' "
                     + "WHEN jsonb_typeof(k.value) = 'null' THEN NULL ELSE k.value::text END FROM project p, "
                     + "jsonb_array_elements(p." + column + ") WITH ORDINALITY e(elem, n), jsonb_each(e.elem) k WHERE p." + column + " IS NOT NULL AND p.scope = 'liudong'")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1) + "#" + rs.getLong(2), x -> new HashMap<>()).put(rs.getString(3), rs.getString(4));
            }
        }
        return out;
    }

    private List<JsonNode> readWithGdal(Path csv) throws Exception {
        Path out = tmp.resolve(csv.getFileName() + ".json");
        gdal.run(tmp, List.of("ogr2ogr", "-f", "GeoJSON", out.toString(), csv.toString()));
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (JsonNode f : json.readTree(out.toFile()).get("features")) rows.add(f.get("properties"));
        return rows;
    }

    private static String scalar(String sql) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
