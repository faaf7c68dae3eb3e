package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Export and import through the real server, the real GDAL and the real PostGIS: a GeoJSON layer
 * is imported, exported in every format and read back with ogrinfo, round-tripped through a
 * shapefile, and bad uploads are refused with the existing data left as it was.
 */
class ImportExportHttpTest {
    private static final ObjectMapper json = new ObjectMapper();
    static final String DEMO = "exchange-demo";
    static final String DEMO_TABLE = "imported.exchange_demo";

    @TempDir
    Path tmp;

    /** Two polygons, two lines, two points; Chinese names; one attribute name in Chinese. */
    static final String GEOJSON = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"A1","name_zh":"柳东新区汽车城","用地性质":"工业用地","area_ha":12.5},
              "geometry":{"type":"Polygon","coordinates":[[[109.50,24.40],[109.52,24.40],[109.52,24.42],[109.50,24.40]]]}},
             {"type":"Feature","properties":{"id":"A2","name_zh":"雒容片区","用地性质":"商业用地","area_ha":3.25},
              "geometry":{"type":"MultiPolygon","coordinates":[[[[109.53,24.40],[109.55,24.40],[109.55,24.42],[109.53,24.40]]]]}},
             {"type":"Feature","properties":{"id":"L1","name_zh":"新柳大道","用地性质":null,"area_ha":null},
              "geometry":{"type":"LineString","coordinates":[[109.40,24.30],[109.60,24.45]]}},
             {"type":"Feature","properties":{"id":"L2","name_zh":"官塘大道","用地性质":null,"area_ha":null},
              "geometry":{"type":"LineString","coordinates":[[109.41,24.31],[109.50,24.35]]}},
             {"type":"Feature","properties":{"id":"N1","name_zh":"柳东核心","用地性质":null,"area_ha":1},
              "geometry":{"type":"Point","coordinates":[109.48,24.38]}},
             {"type":"Feature","properties":{"id":"N2","name_zh":"官塘节点","用地性质":null,"area_ha":2},
              "geometry":{"type":"Point","coordinates":[109.52,24.41]}}]}
            """;

    @BeforeAll
    static void importDemoLayer() {
        synchronized (ImportExportHttpTest.class) {
            if (TestServer.get("/collections/" + DEMO + "/export?format=geojson").statusCode() == 200) return;
            HttpResponse<String> r = Upload.post("/collections", "演示.geojson", GEOJSON.getBytes(StandardCharsets.UTF_8),
                    Upload.fields("id", DEMO, "title_zh", "交换演示图层", "title_en", "Exchange demo"));
            assertEquals(201, r.statusCode(), r.body());
        }
    }

    @Test
    void importedLayerIsServedWithProvenance() throws Exception {
        assertEquals(6, count(DEMO_TABLE, "true"));
        assertEquals("柳东新区汽车城", value("SELECT name_zh FROM " + DEMO_TABLE + " WHERE id = 'A1'"));
        assertEquals("交换演示图层.geojson", value("SELECT title_zh || '.geojson' FROM collection WHERE id = '" + DEMO + "'"));
        assertEquals("演示.geojson", value("SELECT file_name FROM exchange_import WHERE collection_id = '" + DEMO + "' ORDER BY id LIMIT 1"));
        assertTrue(value("SELECT caveat_zh FROM collection WHERE id = '" + DEMO + "'").contains("导入数据"));
        // Where it should be: Liudong, longitude first in storage.
        assertEquals("POINT(109.48 24.38)", value("SELECT ST_AsText(geom) FROM " + DEMO_TABLE + " WHERE id = 'N1'"));
    }

    @Test
    void shapefileExportThroughTheServer() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + DEMO + "/export?format=shapefile");
        assertEquals(200, r.statusCode());
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''" + java.net.URLEncoder.encode("交换演示图层", StandardCharsets.UTF_8)), disposition);
        assertEquals("6", r.headers().firstValue("OGC-NumberMatched").orElse(""));
        ExchangeFixtures.unzip(r.body(), tmp);
        long total = 0;
        for (String kind : List.of("polygon", "line", "point")) {
            OgrInfo.Layer l = OgrInfo.summary(tmp.resolve("exchange-demo_" + kind + ".shp")).get(0);
            assertTrue(l.srsIs(4490), "default export CRS is CGCS2000: " + l.srs());
            assertTrue(l.fields().contains("用地性"), "a Chinese name cut at 9 UTF-8 bytes: " + l.fields());
            total += l.features();
        }
        assertEquals(count(DEMO_TABLE, "true"), total);
        assertTrue(OgrInfo.features(tmp.resolve("exchange-demo_polygon.shp")).contains("柳东新区汽车城"));
        assertTrue(Files.readString(tmp.resolve("fields.csv")).contains("用地性质"));
    }

    @Test
    void everyFormatOfAFilteredQueryReadsBack() throws Exception {
        // The bbox holds both polygons, touches L1 and N2, and leaves out L2 and N1.
        for (String format : List.of("gpkg", "geojson", "csv", "kml", "dxf")) {
            HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + DEMO + "/export?format=" + format
                    + "&bbox=109.49,24.39,109.56,24.43&crs=EPSG:4545");
            assertEquals(200, r.statusCode(), format + ": " + new String(r.body(), StandardCharsets.UTF_8));
            long matched = numberMatched("/collections/" + DEMO + "/items?bbox=109.49,24.39,109.56,24.43");
            assertEquals(4, matched, "both polygons, L1 and N2");
            assertEquals(Long.toString(matched), r.headers().firstValue("OGC-NumberMatched").orElse(""), format);
            Path file = tmp.resolve("x." + format);
            Files.write(file, r.body());
            OgrInfo.Layer l = OgrInfo.summary(file).get(0);
            assertEquals(matched, l.features(), format + " feature count");
            if (format.equals("gpkg") || format.equals("geojson")) assertTrue(l.srsIs(4545), format + " " + l.srs());
            if (format.equals("kml")) {
                assertTrue(l.srsIs(4326), "KML is WGS 84 whatever crs is asked: " + l.srs());
                assertEquals("<" + org.liudong.planview.crs.CrsRegistry.CRS84_URI + ">", r.headers().firstValue("Content-Crs").orElse(""));
            }
            if (!format.equals("dxf")) {
                // KML carries name_zh as the placemark's own Name.
                assertTrue(l.fields().contains(format.equals("kml") ? "Name" : "name_zh"), format + " " + l.fields());
                assertTrue(OgrInfo.features(file).contains("柳东新区汽车城"), format);
            }
        }
    }

    @Test
    void exportRefusesBadParametersWithProblems() throws Exception {
        for (String q : List.of("format=pdf", "", "format=shapefile&encoding=latin1", "format=kml&crs=EPSG:9999",
                "format=geojson&bbox=1,2,3", "format=csv&geometry=svg", "format=gpkg&nosuch=1")) {
            HttpResponse<String> r = TestServer.get("/collections/" + DEMO + "/export?" + q);
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
        assertEquals(404, TestServer.get("/collections/no-such-layer/export?format=gpkg").statusCode());
    }

    @Test
    void shapefileRoundTripGivesTheSameFeatures() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + DEMO + "/export?format=shapefile&encoding=GBK&bbox=109.49,24.39,109.56,24.43");
        assertEquals(200, r.statusCode());
        ExchangeFixtures.unzip(r.body(), tmp);
        // 用地性质 is 8 bytes in GBK: unlike in UTF-8 (12 bytes) it keeps its full name.
        // Only the polygons as one shapefile: the layer a planner would bring back.
        Map<String, byte[]> polygons = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("exchange-demo_polygon.")).toList()) {
                polygons.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        HttpResponse<String> created = Upload.post("/collections", "polygons.zip", Upload.zip(polygons),
                Upload.fields("id", "exchange-roundtrip", "title_zh", "往返测试"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("CP936", json.readTree(created.body()).get("encoding").asText(), "GBK recognised from the .cpg");
        String compare = """
                SELECT count(*) FROM imported.exchange_demo a JOIN imported.exchange_roundtrip b ON a.id = b.id
                WHERE a.name_zh = b.name_zh AND a."用地性质" = b."用地性质" AND a.area_ha = b.area_ha
                  AND ST_Equals(ST_Multi(a.geom), b.geom) AND ST_SRID(b.geom) = 4490""";
        assertEquals(2, Long.parseLong(value(compare)), "both polygons came back identical");
        assertEquals(2, count("imported.exchange_roundtrip", "true"));
    }

    @Test
    void geoPackageRoundTripInGaussKruger() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + DEMO + "/export?format=gpkg&crs=EPSG:4545");
        assertEquals(200, r.statusCode());
        HttpResponse<String> created = Upload.post("/collections", "演示.gpkg", r.body(),
                Upload.fields("id", "exchange-gpkg", "title_zh", "GeoPackage 往返"));
        assertEquals(201, created.statusCode(), created.body());
        // Back from metres of CM 108E to CGCS2000 degrees: the same features, to well under a millimetre.
        String compare = """
                SELECT count(*) FROM imported.exchange_demo a JOIN imported.exchange_gpkg b ON a.id = b.id
                WHERE a.name_zh = b.name_zh AND a."用地性质" IS NOT DISTINCT FROM b."用地性质"
                  AND ST_HausdorffDistance(a.geom, b.geom) < 1e-8 AND ST_SRID(b.geom) = 4490""";
        assertEquals(6, Long.parseLong(value(compare)));
        assertEquals("gpkg", value("SELECT format FROM exchange_import WHERE collection_id = 'exchange-gpkg'"));
    }

    @Test
    void writesNeedAnEditor() {
        HttpResponse<String> none = Upload.send("POST", TestServer.baseUrl() + "/collections", "a.geojson",
                GEOJSON.getBytes(StandardCharsets.UTF_8), Upload.fields("id", "nope", "title_zh", "不行"), null);
        assertEquals(401, none.statusCode(), none.body());
        HttpResponse<String> wrong = Upload.send("PUT", TestServer.baseUrl() + "/collections/" + DEMO + "/items", "a.geojson",
                GEOJSON.getBytes(StandardCharsets.UTF_8), Map.of(), "Bearer not-the-right-token-at-all");
        assertEquals(403, wrong.statusCode(), wrong.body());
    }

    @Test
    void exportOfAQueryOnTheApiTestLayerMatchesItems() throws Exception {
        org.liudong.planview.features.TestLayers.ensure();
        String query = "land_use=1001&properties=code,name_zh,status,approved,flag,figures&crs=EPSG:4546";
        long matched = numberMatched("/collections/test-parcels/items?" + query);
        assertTrue(matched > 50 && matched < 300, "a real selection: " + matched);
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/test-parcels/export?format=shapefile&" + query);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        ExchangeFixtures.unzip(r.body(), tmp);
        OgrInfo.Layer l = OgrInfo.summary(tmp.resolve("test-parcels.shp")).get(0);
        assertEquals(matched, l.features());
        assertTrue(l.srsIs(4546), l.srs());
        assertEquals(List.of("id", "code", "name_zh", "status", "approved", "flag"), l.fields(), "figures (jsonb) is in figures.csv");
        assertTrue(l.geometry().contains("Polygon"), l.geometry());
        String features = OgrInfo.features(tmp.resolve("test-parcels.shp"));
        assertTrue(features.contains("地块4号"), "a Chinese value intact");
        String figures = Files.readString(tmp.resolve("figures.csv"), StandardCharsets.UTF_8);
        assertTrue(figures.startsWith("\uFEFFid,seq,n,note\n"), "jsonb as a related table, one column per key: " + figures);
        assertTrue(figures.contains("\"测试 \"\"quoted\"\" <b>\""), "values whole, quoted by CSV's rules: " + figures);
    }

    static long numberMatched(String itemsPath) throws Exception {
        HttpResponse<String> r = TestServer.get(itemsPath + (itemsPath.contains("?") ? "&" : "?") + "limit=1");
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body()).get("numberMatched").asLong();
    }

    static long count(String table, String where) throws Exception {
        return Long.parseLong(value("SELECT count(*) FROM " + table + " WHERE " + where));
    }

    static String value(String sql) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static ObjectMapper json() {
        return json;
    }
}
