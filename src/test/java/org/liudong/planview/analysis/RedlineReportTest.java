package org.liudong.planview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * The red-line report against SQL written here: a ~0.6 km² site in the 产业聚集片 that overlaps an
 * imported 生态保护红线 constraint layer, sent as a 部标 TXT (GBK, zone-prefixed Y) and as GeoJSON.
 */
class RedlineReportTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final double HA = 0.01;
    /** The site, CGCS2000 lon/lat; its Gauss–Krüger zone and the 部标 text are derived from it in SQL. */
    static String siteWkt;
    static int zone;
    static String txt;
    static String redLineWkt;

    @BeforeAll
    static void importAConstraintLayerAndDrawASite() throws Exception {
        // A site of ~800 m x 750 m around the centre of the densest part of Z2's parcels.
        siteWkt = sql("""
                SELECT ST_AsText(ST_Expand(ST_PointOnSurface(p.geom), 0.0038))
                FROM (SELECT id, geom FROM land_parcel WHERE zone_id = 'Z2' ORDER BY id LIMIT 200) p
                -- where the parcels are dense, so that the site covers many
                ORDER BY (SELECT count(*) FROM land_parcel q WHERE ST_DWithin(q.geom, p.geom, 0.003)) DESC, p.id LIMIT 1""");
        double lon = Double.parseDouble(sql("SELECT ST_X(ST_Centroid(ST_GeomFromText('" + siteWkt + "', 4490)))"));
        zone = lon < 109.5 ? 36 : 37;
        // The constraint: a strip through the site's eastern third.
        redLineWkt = sql("SELECT ST_AsText(ST_Translate(ST_Scale(ST_GeomFromText('" + siteWkt + "'), 1, 1), 0.005, 0))");
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name_zh\":\"柳江生态保护红线\"},"
                + "\"geometry\":" + sql("SELECT ST_AsGeoJSON(ST_GeomFromText('" + redLineWkt + "'), 9)") + "}]}";
        HttpResponse<String> imported = Upload.post("/collections", "生态保护红线.geojson", geojson.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", "eco-redline", "title_zh", "生态保护红线", "title_en", "Ecological red line"));
        assertTrue(imported.statusCode() == 201 || imported.statusCode() == 200, imported.body());
        HttpResponse<String> flagged = put("/collections/eco-redline/constraint", "{\"constraint\": true}", true);
        assertEquals(200, flagged.statusCode(), flagged.body());
        txt = bubiao(siteWkt, zone);
    }

    /** A 部标 file of the polygon, coordinates from ST_Transform to the zone's CRS (zone number in Y), to the millimetre. */
    static String bubiao(String wkt, int zone) throws Exception {
        StringBuilder rows = new StringBuilder();
        int n = 0;
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ST_X(p.geom), ST_Y(p.geom) FROM ST_DumpPoints(ST_Transform(ST_GeomFromText(?, 4490), ?)) p ORDER BY p.path")) {
            ps.setString(1, wkt);
            ps.setInt(2, 4488 + zone);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    rows.append(String.format(java.util.Locale.ROOT, "J%d,1,%.3f,%.3f%n", n, rs.getDouble(2), rs.getDouble(1)));
                }
            }
        }
        String last = rows.toString().lines().reduce((a, b) -> b).orElseThrow();
        String first = rows.toString().lines().findFirst().orElseThrow();
        assertEquals(first.substring(first.indexOf(',')), last.substring(last.indexOf(',')), "the ring is closed");
        return "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n带号=" + zone + "\n[地块坐标]\n"
                + n + ",,2024-07,新能源汽车配套项目,面,,工业用地,1001,@\n" + rows;
    }

    @Test
    void aBubiaoTxtRoundTripsToTheMillimetreAndEveryFigureEqualsSql() throws Exception {
        JsonNode r = postFile("/analysis/redline?distance=3000", "红线.txt", txt.getBytes(Charset.forName("GBK")));
        assertEquals("bubiao-txt", r.get("site").get("format").asText());
        assertEquals("GBK", r.get("site").get("charset").asText());
        assertEquals("EPSG:" + (4488 + zone), r.get("site").get("inputCrs").asText());
        assertEquals("新能源汽车配套项目", r.get("site").get("parcels").get(0).get("name").asText());

        // Round trip: the report's site, back through ST_Transform, lands on the file's points within 1 mm.
        String gk = "ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(?), 4490), " + (4488 + zone) + ")";
        List<double[]> back = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ST_X(p.geom), ST_Y(p.geom) FROM ST_DumpPoints(" + gk + ") p")) {
            ps.setString(1, r.get("site").get("geometry").toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) back.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
            }
        }
        for (String line : txt.lines().filter(l -> l.startsWith("J")).toList()) {
            String[] f = line.split(",");
            double x = Double.parseDouble(f[3]), y = Double.parseDouble(f[2]);
            double nearest = back.stream().mapToDouble(p -> Math.hypot(p[0] - x, p[1] - y)).min().orElseThrow();
            assertTrue(nearest < 0.001, line + " came back " + nearest + " m away");
        }

        String site = "ST_GeomFromText('" + siteWkt + "', 4490)";
        assertEquals(num("SELECT ST_Area(" + site + "::geography) / 10000"), r.get("site").get("area_ha").asDouble(), HA);

        // Conflicts come first and equal the overlap with the red line.
        assertTrue(r.get("hasConflicts").asBoolean());
        JsonNode conflict = r.get("conflicts").get(0);
        assertEquals("eco-redline", conflict.get("collection").asText());
        assertEquals("柳江生态保护红线", conflict.get("name").asText());
        double conflictHa = num("SELECT ST_Area(ST_Intersection(" + site + ", ST_GeomFromText('" + redLineWkt + "', 4490))::geography) / 10000");
        assertTrue(conflictHa > 1, "the test's red line overlaps the site");
        assertEquals(conflictHa, conflict.get("area_ha").asDouble(), HA);
        assertEquals(conflictHa * 15, conflict.get("area_mu").asDouble(), HA * 15);

        // Planning layers: every zone, park and cluster the site overlaps, with its overlap.
        Map<String, double[]> areas = StatisticsTest.sqlByKey("SELECT id, ST_Area(ST_Intersection(geom, " + site + ")::geography) / 10000 "
                + "FROM planning_area WHERE ST_Intersects(geom, " + site + ") AND ST_Area(ST_Intersection(geom, " + site + ")::geography) >= 0.01");
        // Layers other tests import may overlap the site too (imported layers are in the report): the
        // shipped planning layers are what planning_area holds.
        List<JsonNode> shipped = new java.util.ArrayList<>();
        for (JsonNode l : r.get("layers")) {
            if (Set.of("planning-zones", "service-parks", "industrial-clusters").contains(l.get("collection").asText())) shipped.add(l);
        }
        assertEquals(areas.size(), shipped.size(), r.get("layers").toString());
        for (JsonNode l : shipped) {
            assertEquals(areas.get(l.get("id").asText())[0], l.get("area_ha").asDouble(), HA, l.toString());
            assertEquals(l.get("area_ha").asDouble() / r.get("site").get("area_ha").asDouble(), l.get("shareOfSite").asDouble(), 1e-6);
        }

        // Land use of the overlapped parcel area, and every parcel.
        Map<String, double[]> landUse = StatisticsTest.sqlByKey("SELECT land_use_code, count(*), sum(ST_Area(ST_Intersection(geom, " + site
                + ")::geography)) / 10000 FROM land_parcel WHERE ST_Relate(geom, " + site + ", 'T********') GROUP BY 1");
        assertEquals(landUse.size(), r.get("landUse").get("groups").size());
        for (JsonNode g : r.get("landUse").get("groups")) {
            double[] e = landUse.get(g.get("properties").get("land_use_code").asText());
            assertEquals(e[1], g.get("area_ha").asDouble(), HA);
        }
        Map<String, double[]> parcels = StatisticsTest.sqlByKey("SELECT parcel_code, ST_Area(ST_Intersection(geom, " + site
                + ")::geography), area_ha FROM land_parcel WHERE ST_Relate(geom, " + site + ", 'T********')");
        assertTrue(parcels.size() > 5, "the site covers several parcels");
        assertEquals(parcels.size(), r.get("parcels").size());
        for (JsonNode p : r.get("parcels")) {
            double[] e = parcels.get(p.get("parcel_code").asText());
            assertEquals(e[0], p.get("area_m2").asDouble(), 1.0);
            assertEquals(e[1], p.get("parcel_area_ha").asDouble(), HA);
        }

        // Projects within 3 km.
        Map<String, double[]> projects = StatisticsTest.sqlByKey("SELECT id, ST_Distance(geom::geography, " + site + "::geography) FROM project "
                + "WHERE ST_DWithin(geom::geography, " + site + "::geography, 3000)");
        for (JsonNode p : r.get("projects").get("items")) {
            assertEquals(projects.get(p.get("id").asText())[0], p.get("distanceM").asDouble(), 0.5);
        }
        assertTrue(r.get("projects").get("items").size() <= projects.size());
        assertFalse(r.get("caveats_zh").isEmpty());
        assertTrue(r.get("pieces").get("features").size() >= 1 + areas.size());
    }

    @Test
    void downloadsCarryTheSameFigures() throws Exception {
        String site = "ST_GeomFromText('" + siteWkt + "', 4490)";
        double conflictM2 = num("SELECT ST_Area(ST_Intersection(" + site + ", ST_GeomFromText('" + redLineWkt + "', 4490))::geography)");
        byte[] csv = postFileBytes("/analysis/redline?f=csv", "红线.txt", txt.getBytes(StandardCharsets.UTF_8));
        assertTrue((csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB, "UTF-8 BOM");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("冲突（管控图层）") && text.contains("柳江生态保护红线"), text);

        byte[] xlsx = postFileBytes("/analysis/redline?f=xlsx", "红线.txt", txt.getBytes(StandardCharsets.UTF_8));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.findSheet("冲突").orElseThrow();
            var rows = sheet.read();
            assertEquals("柳江生态保护红线", rows.get(2).getCellText(3));
            assertEquals(conflictM2, Double.parseDouble(rows.get(2).getCellText(4)), 100);
        }

        byte[] gpkg = postFileBytes("/analysis/redline?f=gpkg", "红线.txt", txt.getBytes(StandardCharsets.UTF_8));
        Path file = Files.createTempFile("redline", ".gpkg");
        Files.write(file, gpkg);
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-sql", "SELECT sum(ST_Area(geom)) FROM conflicts", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Process layers = new ProcessBuilder("ogrinfo", "-ro", "-q", file.toString()).start();
        String list = new String(layers.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(list.contains("site") && list.contains("conflicts") && list.contains("parcel_overlaps"), list);
        Files.delete(file);
    }

    @Test
    void aDrawnSiteWorksAndARepairableRingIsRepairedAndSaidSo() throws Exception {
        // A ring that touches itself at its first corner, going round a triangular hole the other way
        // (an "inverted hole"): invalid as drawn, valid once repaired, the same area either way.
        double[] c = center();
        double d = 0.004;
        String ring = String.format(java.util.Locale.ROOT,
                "[[%1$f,%2$f],[%3$f,%2$f],[%3$f,%4$f],[%1$f,%4$f],[%1$f,%2$f],[%5$f,%6$f],[%7$f,%8$f],[%1$f,%2$f]]",
                c[0] - d, c[1] - d, c[0] + d, c[1] + d, c[0], c[1] + d / 2, c[0] + d / 2, c[1]);
        HttpResponse<String> r = post("/analysis/redline", "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json.readTree(r.body());
        assertTrue(body.get("site").get("repaired").asBoolean(), r.body());
        assertTrue(body.get("site").get("repairs").get(0).asText().contains("area is unchanged"), r.body());
    }

    @Test
    void badSitesAreProblemsThatNameTheLineOrTheFault() throws Exception {
        double[] c = center();
        String bowtie = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%1$f,%2$f],[%3$f,%4$f],[%3$f,%2$f],[%1$f,%4$f],[%1$f,%2$f]]]}",
                c[0] - 0.003, c[1] - 0.003, c[0] + 0.003, c[1] + 0.003);
        problem(post("/analysis/redline", bowtie), 400, "Self-intersection");
        assertEquals(200, post("/analysis/redline?repair=true", bowtie).statusCode(), "repair=true accepts ST_MakeValid's reading");
        problem(post("/analysis/redline", "{\"type\":\"Polygon\",\"coordinates\":[[[109.5,24.4],[109.51,24.4],[109.51,24.41],[109.5,24.41]]]}"),
                400, "not closed");
        problem(post("/analysis/redline", "{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[100.01,30],[100.01,30.01],[100,30]]]}"),
                400, "outside Liudong New District");
        problem(post("/analysis/redline", "{\"type\":\"Point\",\"coordinates\":[109.5,24.4]}"), 400, "no area");
        problem(post("/analysis/redline", "not json"), 400, "not JSON");
        problem(post("/analysis/redline?distance=99999999", bowtie), 400, "distance");
        problem(post("/analysis/redline?colour=red", bowtie), 400, "unknown parameter");
        StringBuilder many = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < 20_001; i++) {
            double a = 2 * Math.PI * i / 20_001;
            many.append(String.format(java.util.Locale.ROOT, "[%.7f,%.7f],", c[0] + 0.003 * Math.cos(a), c[1] + 0.003 * Math.sin(a)));
        }
        many.append(String.format(java.util.Locale.ROOT, "[%.7f,%.7f]]]}", c[0] + 0.003, c[1]));
        problem(post("/analysis/redline", many.toString()), 400, "at most 20000");

        problemFile("", 400, "empty");
        problemFile(txt.replace("带号=" + zone, "带号=" + (zone == 36 ? 37 : 36)), 400, "line 9: Y=");
        problemFile(txt.replace("J2,1,", "J2,1,abc"), 400, "line 10: X 'abc");
        problemFile(txt.replace("J1,1,", "J1,1,1"), 400, "line 9: X=");
        problemFile("0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n", 400, "send srid");
        problemFile("just some text", 400, "not a Shapefile ZIP");
    }

    @Test
    void onlyAnEditorFlagsAConstraintAndOnlyOnPolygons() throws Exception {
        assertEquals(401, put("/collections/eco-redline/constraint", "{\"constraint\": true}", false).statusCode());
        problem(put("/collections/projects/constraint", "{\"constraint\": true}", true), 400, "polygons");
        problem(put("/collections/eco-redline/constraint", "yes", true), 400, "send JSON");
        assertEquals(404, put("/collections/nowhere/constraint", "{\"constraint\": true}", true).statusCode());
        assertTrue(TestServer.get("/collections/eco-redline/constraint").body().contains("\"constraint\":true"));
    }

    private static double[] center() throws Exception {
        return new double[] {num("SELECT ST_X(ST_Centroid(ST_GeomFromText('" + siteWkt + "')))"),
                num("SELECT ST_Y(ST_Centroid(ST_GeomFromText('" + siteWkt + "')))")};
    }

    static HttpResponse<String> post(String path, String body) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> put(String path, String body, boolean editor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (editor) b.header("Authorization", "Bearer " + TestDatabase.EDITOR_TOKEN);
        return TestServer.send(b.build());
    }

    static JsonNode postFile(String path, String name, byte[] file) throws Exception {
        HttpResponse<String> r = Upload.send("POST", TestServer.baseUrl() + path, name, file, Map.of(), null);
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    static byte[] postFileBytes(String path, String name, byte[] file) throws Exception {
        HttpResponse<byte[]> r = TestServer.client().send(Upload.request("POST", TestServer.baseUrl() + path, name, file, Map.of(), null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }

    private static void problemFile(String text, int status, String detail) throws Exception {
        problem(Upload.send("POST", TestServer.baseUrl() + "/analysis/redline", "site.txt", text.getBytes(StandardCharsets.UTF_8), Map.of(), null),
                status, detail);
    }

    private static void problem(HttpResponse<String> r, int status, String detail) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        assertTrue(json.readTree(r.body()).get("detail").asText().contains(detail), "expected '" + detail + "' in " + r.body());
    }

    static String sql(String sql) throws Exception {
        return StatisticsTest.sqlText(sql);
    }

    static double num(String sql) throws Exception {
        return StatisticsTest.sqlDouble(sql);
    }
}
