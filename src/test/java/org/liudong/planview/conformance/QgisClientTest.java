package org.liudong.planview.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liudong.planview.features.ShippedLayersTest;
import org.liudong.planview.testing.RepoPaths;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * QGIS itself (PyQGIS 3.22 from Debian, headless) against the test server, with
 * {@code src/test/qgis/check_qgis.py}: every collection through the OGC API – Features provider
 * (feature counts as numberMatched and SQL say, one geometry type each, Chinese intact), an attribute
 * filter, an extent, the parcels' vector tiles with the served Mapbox GL style, an exported
 * GeoPackage opening in the land-use colours it stores, and a render to PNG.
 *
 * <p>QGIS is about 1 GB, so this runs only when asked: {@code ./planview test --qgis} installs it
 * and sets {@code -Dplanview.qgis=true}. Its output goes to {@code target/qgis/}.
 */
class QgisClientTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final String PYTHON = "/usr/bin/python3";  // Debian's, which has python3-qgis

    @Test
    void qgisReadsEveryLayerFiltersRendersAndKeepsTheColours() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("planview.qgis"),
                "the QGIS check is opt-in (QGIS is about 1 GB): run ./planview test --qgis");
        Path out = RepoPaths.root().resolve("target").resolve("qgis");
        Files.createDirectories(out);
        Path script = RepoPaths.root().resolve("src/test/qgis/check_qgis.py");
        Process p = new ProcessBuilder(PYTHON, script.toString(), TestServer.baseUrl(), out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("check_qgis.log").toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the QGIS check did not finish in 15 minutes");
        String log = Files.readString(out.resolve("check_qgis.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "check_qgis.py failed (is python3-qgis installed?): " + log);
        JsonNode r = json.readTree(out.resolve("qgis-result.json").toFile());

        // every collection: valid, every feature, one geometry type, Chinese as stored
        JsonNode listed = json.readTree(TestServer.get("/collections", "application/json").body()).get("collections");
        for (JsonNode c : listed) {
            String id = c.get("id").asText();
            JsonNode q = r.at("/collections/" + id);
            assertTrue(q.path("valid").asBoolean(), id + " loads in QGIS: " + q);
            long matched = json.readTree(TestServer.get("/collections/" + id + "/items?limit=1", "application/geo+json").body())
                    .get("numberMatched").asLong();
            assertEquals(matched, q.get("features").asLong(), id + ": QGIS read numberMatched features");
            String expected = ShippedLayersTest.EXPECTED.get(id);
            if (expected != null) assertEquals(ShippedLayersTest.sql(expected), matched, id);
            assertTrue(q.get("geometryTypes").size() <= 1, id + ": one geometry type, so QGIS shows them all: " + q);
        }
        assertEquals(firstName("project"), r.at("/collections/projects/firstNameZh").asText(), "Chinese intact");

        // an attribute filter and an extent give what SQL counts
        assertEquals(ShippedLayersTest.sql("SELECT count(*) FROM land_parcel WHERE land_use_code = '1001'"), r.at("/filter/features").asLong());
        assertEquals(ShippedLayersTest.sql("SELECT count(*) FROM land_parcel WHERE ST_Intersects(geom, "
                + "ST_MakeEnvelope(109.44, 24.34, 109.47, 24.37, 4490))"), r.at("/extent/features").asLong());
        boolean bboxSent = false;
        for (JsonNode u : r.at("/extent/urls")) bboxSent |= u.asText().contains("bbox=");
        assertTrue(bboxSent, "QGIS sent the extent as bbox: " + r.at("/extent/urls"));

        // tiles with the served Mapbox GL style; the GeoPackage's stored style
        assertTrue(r.at("/tiles/valid").asBoolean() && r.at("/tiles/styleLoaded").asBoolean(), r.get("tiles").toString());
        assertTrue(r.at("/tiles/rendererStyles").asInt() >= 2, r.get("tiles").toString());
        assertEquals("categorizedSymbol", r.at("/gpkg/renderer").asText(), "QGIS applied the GeoPackage's stored style: " + r.get("gpkg"));
        assertEquals("land_use_code", r.at("/gpkg/attribute").asText());
        Map<String, String> colours = new HashMap<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, colour FROM land_use_class")) {
            while (rs.next()) colours.put(rs.getString(1), rs.getString(2));
        }
        Map<String, String> shown = new HashMap<>();
        r.at("/gpkg/categories").fields().forEachRemaining(e -> shown.put(e.getKey(), e.getValue().asText()));
        assertEquals(colours, shown, "the land-use colours of land_use_class");

        // a render that drew something
        assertTrue(Files.size(Path.of(r.at("/render/png").asText())) > 10_000);
        assertTrue(r.at("/render/paintedShare").asDouble() > 0.2 && r.at("/render/distinctColours").asInt() > 20, r.get("render").toString());
    }

    private static String firstName(String table) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name_zh FROM " + table + " ORDER BY id LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
