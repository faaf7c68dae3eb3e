package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.db.Reads;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.export.ExportRoutes;
import org.liudong.planview.exchange.export.Exporter;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.exchange.imports.ImportRoutes;
import org.liudong.planview.exchange.imports.Importer;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.testing.TestAccess;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Replacing synthetic parcels with a planner's own: on a copy of land_parcel (same columns,
 * checks and foreign keys, so the shared test data stays as it is), served by the real export
 * and import routes. A shapefile export goes back in despite its 10-byte field names, and a
 * survey with only code, land use, status, plot ratio and outline gets its areas, land-use name
 * and zone worked out.
 */
class ParcelReplaceTest {
    private static final String ID = "exchange-parcel-copy";
    private Javalin app;
    private String base;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        TestServer.baseUrl();  // the shipped data is loaded by the server's start
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS exchange_parcel_copy");
            st.execute("CREATE TABLE exchange_parcel_copy (LIKE land_parcel INCLUDING ALL)");
            st.execute("ALTER TABLE exchange_parcel_copy ADD FOREIGN KEY (land_use_code) REFERENCES land_use_class (code), "
                    + "ADD FOREIGN KEY (zone_id) REFERENCES planning_area (id)");
            // Generated columns (e.g. a Web Mercator copy for tiles) are left to PostgreSQL.
            String columns;
            try (var rs = st.executeQuery("SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute"
                    + " WHERE attrelid = 'land_parcel'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''")) {
                rs.next();
                columns = rs.getString(1);
            }
            st.execute("INSERT INTO exchange_parcel_copy (" + columns + ") SELECT " + columns + " FROM land_parcel ORDER BY id LIMIT 40");
            st.execute("DELETE FROM collection WHERE id = '" + ID + "'");
            st.execute("INSERT INTO collection (id, table_name, title_zh, title_en, group_id, caveat_zh) VALUES ('" + ID
                    + "', 'exchange_parcel_copy', '地块副本', 'Parcel copy', 'parcels', '模拟数据')");
        }
        var ds = TestDatabase.dataSource();
        ExchangeLimits limits = ExchangeLimits.defaults().withMinFreeDiskBytes(0);
        Catalog catalog = new Catalog(ds);
        GdalRunner gdal = new GdalRunner(TestDatabase.databaseSettings().libpqEnvironment(), Duration.ofSeconds(120));
        WorkDirs work = new WorkDirs(tmp.resolve("work"), TestDatabase.workOwner());
        app = Javalin.create(cfg -> ExchangeRoutes.configureUploads(cfg.jetty.multipartConfig, limits, work));
        ErrorHandling.install(app);
        TestAccess.install(app, catalog);
        new ExportRoutes(catalog, new Exporter(ds, gdal, work, limits), JobSlots.exports(TestDatabase.databaseSettings(), 1), TestAccess.audit(),
                Reads.primaryOnly(ds)).register(app);
        new ImportRoutes(new Importer(ds, catalog, gdal, TestDatabase.workOwner(), limits, TestAccess.versions(), TestAccess.audit()),
                TestAccess.audit(), work, limits, JobSlots.imports(TestDatabase.databaseSettings()))
                .register(app);
        app.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM collection WHERE id = '" + ID + "'");
            st.execute("DROP TABLE IF EXISTS exchange_parcel_copy");
        }
    }

    @Test
    void anExportedShapefileReplacesTheDataAgain() throws Exception {
        String tenth = ImportExportHttpTest.value("SELECT min(id) + 9 FROM exchange_parcel_copy");
        String before = ImportExportHttpTest.value("SELECT string_agg(parcel_code || land_use_name || status || zone_id || round(area_m2)::text, ',' ORDER BY id)"
                + " FROM exchange_parcel_copy WHERE id <= " + tenth);
        HttpResponse<byte[]> zip = TestServer.client().send(HttpRequest.newBuilder(URI.create(base + "/collections/" + ID
                + "/export?format=shapefile&encoding=GBK&crs=EPSG:4545")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        HttpResponse<String> r = Upload.send("PUT", base + "/collections/" + ID + "/items", "地块.zip", zip.body(), Map.of(),
                "Bearer " + TestDatabase.EDITOR_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(40, ImportExportHttpTest.count("exchange_parcel_copy", "true"), "the whole export went back in");
        String after = ImportExportHttpTest.value("SELECT string_agg(parcel_code || land_use_name || status || zone_id || round(area_m2)::text, ',' ORDER BY id)"
                + " FROM exchange_parcel_copy WHERE id <= " + tenth);
        assertEquals(before, after, "land_use_c, land_use_n … got their full names back from fields.csv");
        assertEquals(40, ImportExportHttpTest.count("exchange_parcel_copy", "synthetic"), "the file says these are synthetic, and it is right");
        assertTrue(ImportExportHttpTest.value("SELECT caveat_zh FROM collection WHERE id = '" + ID + "'").contains("地块.zip"));
    }

    @Test
    void aSurveyWithoutDerivedColumnsGetsThemWorkedOut() throws Exception {
        String zone = ImportExportHttpTest.value("SELECT zone_id FROM exchange_parcel_copy ORDER BY id LIMIT 1");
        String outline = ImportExportHttpTest.value("SELECT ST_AsGeoJSON(geom) FROM exchange_parcel_copy ORDER BY id LIMIT 1");
        double area = Double.parseDouble(ImportExportHttpTest.value("SELECT ST_Area(geom::geography) FROM exchange_parcel_copy ORDER BY id LIMIT 1"));
        String survey = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":
                 {"parcel_code":"LD-2025-001","land_use_code":"1001","status":"已出让","plot_ratio":1.2},"geometry":OUTLINE}]}
                """.replace("OUTLINE", outline);
        HttpResponse<String> r = Upload.send("PUT", base + "/collections/" + ID + "/items", "实测.geojson",
                survey.getBytes(StandardCharsets.UTF_8), Map.of(), "Bearer " + TestDatabase.EDITOR_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = ImportExportHttpTest.json().readTree(r.body());
        assertTrue(body.get("derivedColumns").toString().contains("area_mu"), body.toString());
        assertEquals(1, ImportExportHttpTest.count("exchange_parcel_copy", "true"));
        assertEquals("工业用地|" + zone + "|false", ImportExportHttpTest.value(
                "SELECT land_use_name || '|' || zone_id || '|' || synthetic FROM exchange_parcel_copy"));
        double mu = Double.parseDouble(ImportExportHttpTest.value("SELECT area_mu FROM exchange_parcel_copy"));
        assertEquals(area * 3 / 2000, mu, 1e-3, "亩 from the ellipsoidal area (the outline went through GeoJSON's 9 decimals)");

        // A survey whose land-use code is not in the classification is refused, and the parcel stays.
        HttpResponse<String> bad = Upload.send("PUT", base + "/collections/" + ID + "/items", "坏.geojson",
                survey.replace("\"1001\"", "\"9999\"").getBytes(StandardCharsets.UTF_8), Map.of(), "Bearer " + TestDatabase.EDITOR_TOKEN);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("does not fit the layer"), bad.body());
        // In our words, naming the column (land_use_name is worked out from the unknown code), not PostgreSQL's
        // (its table and constraint names).
        assertTrue(bad.body().contains("column land_use_name, which the server works out"), bad.body());
        assertFalse(bad.body().matches("(?s).*(exchange_parcel_copy|violates|constraint|ERROR).*"), bad.body());
        assertEquals("LD-2025-001", ImportExportHttpTest.value("SELECT parcel_code FROM exchange_parcel_copy"));
    }
}
