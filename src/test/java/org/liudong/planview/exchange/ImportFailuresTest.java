package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.exchange.imports.ImportRoutes;
import org.liudong.planview.exchange.imports.Importer;
import org.liudong.planview.features.TestLayers;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.testing.TestAccess;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** Every kind of bad upload is refused with a 400 (or 413) problem, and the layer it aimed at is exactly as before. */
class ImportFailuresTest {
    private static final String DEMO = ImportExportHttpTest.DEMO;
    private static final String REPLACE = "/collections/" + DEMO + "/items";
    private static Map<String, byte[]> gbkPolygons;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        ImportExportHttpTest.importDemoLayer();
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + DEMO + "/export?format=shapefile&encoding=GBK&bbox=109.49,24.39,109.56,24.43");
        assertEquals(200, r.statusCode());
        ExchangeFixtures.unzip(r.body(), dir);
        gbkPolygons = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("exchange-demo_polygon.")).sorted().toList()) {
                gbkPolygons.put(p.getFileName().toString().replace("exchange-demo_polygon", "地块"), Files.readAllBytes(p));
            }
        }
    }

    @BeforeEach
    void demoIsIntact() throws Exception {
        assertDemoIntact();
    }

    static void assertDemoIntact() throws Exception {
        assertEquals(6, ImportExportHttpTest.count(ImportExportHttpTest.DEMO_TABLE, "true"));
        assertEquals("柳东新区汽车城", ImportExportHttpTest.value("SELECT name_zh FROM imported.exchange_demo WHERE id = 'A1'"));
        JsonNode items = ImportExportHttpTest.json().readTree(TestServer.get("/collections/" + DEMO + "/items?limit=1").body());
        assertEquals(6, items.get("numberMatched").asLong());
    }

    private static void refused(HttpResponse<String> r, int status, String detailPart) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String detail = ImportExportHttpTest.json().readTree(r.body()).get("detail").asText();
        assertTrue(detail.contains(detailPart), detail);
        assertDemoIntact();
    }

    @Test
    void corruptZip() throws Exception {
        byte[] zip = Upload.zip(gbkPolygons);
        byte[] broken = java.util.Arrays.copyOf(zip, zip.length / 2);  // cut off, central directory gone
        refused(Upload.put(REPLACE, "broken.zip", broken, Map.of()), 400, "ZIP");
    }

    @Test
    void unknownFile() throws Exception {
        refused(Upload.put(REPLACE, "notes.txt", "就是一段文字".getBytes(StandardCharsets.UTF_8), Map.of()), 400,
                "not a Shapefile ZIP, a GeoPackage or GeoJSON");
        refused(Upload.put(REPLACE, "empty.zip", new byte[0], Map.of()), 400, "empty");
        refused(Upload.put(REPLACE, "bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8),
                Map.of()), 400, "cannot be read");
    }

    @Test
    void wrongEncoding() throws Exception {
        refused(Upload.put(REPLACE, "gbk.zip", Upload.zip(gbkPolygons), Map.of("encoding", "UTF-8")), 400, "encoding=GBK");
        Map<String, byte[]> noCpg = new LinkedHashMap<>(gbkPolygons);
        noCpg.remove("地块.cpg");
        noCpg.put("地块.cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
        refused(Upload.put(REPLACE, "lying-cpg.zip", Upload.zip(noCpg), Map.of()), 400, "as the .cpg file says");
    }

    @Test
    void missingCrs() throws Exception {
        Map<String, byte[]> noPrj = new LinkedHashMap<>(gbkPolygons);
        noPrj.remove("地块.prj");
        refused(Upload.put(REPLACE, "noprj.zip", Upload.zip(noPrj), Map.of()), 400, "send srid");
    }

    @Test
    void invalidGeometriesAreReportedAndRepairedOnlyOnRequest() throws Exception {
        String bowtie = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"ok","name_zh":"正常"},
                  "geometry":{"type":"Polygon","coordinates":[[[109.50,24.40],[109.52,24.40],[109.52,24.42],[109.50,24.40]]]}},
                 {"type":"Feature","properties":{"id":"bad","name_zh":"自相交"},
                  "geometry":{"type":"Polygon","coordinates":[[[109.50,24.40],[109.52,24.42],[109.52,24.40],[109.50,24.42],[109.50,24.40]]]}}]}
                """;
        HttpResponse<String> r = Upload.put(REPLACE, "bowtie.geojson", bowtie.getBytes(StandardCharsets.UTF_8), Map.of());
        refused(r, 400, "invalid geometry");
        JsonNode bad = ImportExportHttpTest.json().readTree(r.body()).get("invalidFeatures");
        assertEquals(1, bad.size());
        assertEquals(2, bad.get(0).get("feature").asInt(), "the second feature of the file");
        assertTrue(bad.get(0).get("reason").asText().contains("Self-intersection"), bad.toString());

        HttpResponse<String> repaired = Upload.post("/collections", "bowtie.geojson", bowtie.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", "exchange-repaired", "title_zh", "修复测试", "repair", "true"));
        assertEquals(201, repaired.statusCode(), repaired.body());
        assertEquals(1, ImportExportHttpTest.json().readTree(repaired.body()).get("repaired").asInt());
        assertEquals(0, ImportExportHttpTest.count("imported.exchange_repaired", "NOT ST_IsValid(geom)"));
        assertEquals("ST_MultiPolygon", ImportExportHttpTest.value("SELECT ST_GeometryType(geom) FROM imported.exchange_repaired WHERE id = 'bad'"));
    }

    @Test
    void zipSlipAndZipBomb() throws Exception {
        Map<String, byte[]> slip = new LinkedHashMap<>(gbkPolygons);
        slip.put("../../evil.shp", new byte[] {1, 2, 3});
        refused(Upload.put(REPLACE, "slip.zip", Upload.zip(slip), Map.of()), 400, "outside the archive");
        refused(Upload.put(REPLACE, "abs.zip", Upload.zip(Map.of("/tmp/evil.shp", new byte[] {1})), Map.of()), 400, "outside the archive");
        assertFalse(Files.exists(ExchangeLimits.defaults().workDir().getParent().resolve("evil.shp")));

        byte[] zeros = new byte[64 * 1024 * 1024];
        refused(Upload.put(REPLACE, "bomb.zip", Upload.zip(Map.of("a.geojson", zeros)), Map.of()), 400, "zip bomb");
    }

    @Test
    void replaceNeedsTheLayersRequiredColumns() throws Exception {
        TestLayers.ensure();
        HttpResponse<String> r = Upload.put("/collections/" + TestLayers.PARCELS + "/items", "demo.geojson",
                ImportExportHttpTest.GEOJSON.getBytes(StandardCharsets.UTF_8), Map.of());
        refused(r, 400, "lacks the column(s) code, land_use, flag");
        assertEquals(TestLayers.PARCEL_COUNT, ImportExportHttpTest.count("test_fixture_parcel", "true"));
    }

    @Test
    void createRefusesAnExistingIdAndBadIds() throws Exception {
        byte[] data = ImportExportHttpTest.GEOJSON.getBytes(StandardCharsets.UTF_8);
        refused(Upload.post("/collections", "a.geojson", data, Upload.fields("id", DEMO, "title_zh", "重复")), 409, "exists already");
        refused(Upload.post("/collections", "a.geojson", data, Upload.fields("id", "Bad Id!", "title_zh", "坏")), 400, "id:");
        refused(Upload.post("/collections", "a.geojson", data, Upload.fields("id", "no-title")), 400, "title_zh");
        assertEquals(null, ImportExportHttpTest.value("SELECT to_regclass('imported.no_title')::text"));
    }

    @Test
    void replaceSwapsTheDataAndTheCatalogueShowsItAtOnce() throws Exception {
        byte[] data = ImportExportHttpTest.GEOJSON.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = Upload.post("/collections", "six.geojson", data,
                Upload.fields("id", "exchange-replace", "title_zh", "替换测试"));
        assertEquals(201, created.statusCode(), created.body());
        String two = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"R1","name_zh":"新数据一","用地性质":"工业用地","area_ha":1},
                  "geometry":{"type":"Point","coordinates":[109.45,24.35]}},
                 {"type":"Feature","properties":{"id":"R2","name_zh":"新数据二","extra":"多余","area_ha":2},
                  "geometry":{"type":"Point","coordinates":[109.46,24.36]}}]}
                """;
        HttpResponse<String> r = Upload.put("/collections/exchange-replace/items", "two.geojson", two.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = ImportExportHttpTest.json().readTree(r.body());
        assertEquals(2, body.get("features").asInt());
        assertTrue(body.get("ignoredColumns").toString().contains("extra"), body.toString());
        JsonNode items = ImportExportHttpTest.json().readTree(TestServer.get("/collections/exchange-replace/items").body());
        assertEquals(2, items.get("numberMatched").asLong());
        assertTrue(items.toString().contains("新数据二"));
        assertEquals("replace", ImportExportHttpTest.value(
                "SELECT action FROM exchange_import WHERE collection_id = 'exchange-replace' ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void oversizedUploadIsRefusedBeforeItIsRead() throws Exception {
        ExchangeLimits small = ExchangeLimits.defaults().withMaxUploadBytes(64 * 1024);
        WorkDirs work = new WorkDirs(tmp, TestDatabase.workOwner());
        Javalin app = Javalin.create(cfg -> ExchangeRoutes.configureUploads(cfg.jetty.multipartConfig, small, work));
        ErrorHandling.install(app);
        var ds = TestDatabase.dataSource();
        var gdal = new GdalRunner(TestDatabase.databaseSettings().libpqEnvironment(), Duration.ofSeconds(60));
        Catalog catalog = new Catalog(ds);
        TestAccess.install(app, catalog);
        new ImportRoutes(new Importer(ds, catalog, gdal, TestDatabase.workOwner(), small, TestAccess.versions(), TestAccess.audit()),
                TestAccess.audit(), work, small, JobSlots.imports(TestDatabase.databaseSettings())).register(app);
        app.start("127.0.0.1", 0);
        try {
            StringBuilder big = new StringBuilder(ImportExportHttpTest.GEOJSON);
            while (big.length() < 300 * 1024) big.append("          \n");
            HttpResponse<String> r = Upload.send("PUT", "http://127.0.0.1:" + app.port() + REPLACE, "big.geojson",
                    big.toString().getBytes(StandardCharsets.UTF_8), Map.of(), "Bearer " + TestDatabase.EDITOR_TOKEN);
            refused(r, 413, "limited to 64 KB");
        } finally {
            app.stop();
        }
    }
}
