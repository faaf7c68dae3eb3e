package org.liudong.planview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** Every figure of a statistics answer against SQL written here, independently of the product's. */
class StatisticsTest {
    private static final ObjectMapper json = new ObjectMapper();
    /** 0.01 公顷, the precision the issue asks for. */
    private static final double HA = 0.01;
    private static final String BOX = "POLYGON((109.46 24.33,109.52 24.33,109.52 24.38,109.46 24.38,109.46 24.33))";

    @Test
    void aZonesLandUseBalanceIsTheParcelAreaInsideTheZone() throws Exception {
        JsonNode body = get("/collections/land-parcels/statistics?groupBy=land_use_code&sum=area_ha&polygon=planning-zones/Z2");
        assertEquals("clipped", body.get("areas").asText());
        assertEquals("clip", body.get("polygon").get("mode").asText());
        Map<String, double[]> expected = sqlByKey("""
                SELECT p.land_use_code, count(*), sum(ST_Area(ST_Intersection(p.geom, z.geom)::geography)) / 10000, sum(p.area_ha)
                FROM land_parcel p JOIN planning_area z ON z.id = 'Z2' AND ST_Relate(p.geom, z.geom, 'T********')
                GROUP BY 1""");
        assertTrue(expected.size() > 3, "the zone holds several land uses");
        assertEquals(expected.size(), body.get("groups").size());
        double totalHa = 0;
        for (JsonNode g : body.get("groups")) {
            double[] e = expected.get(g.get("properties").get("land_use_code").asText());
            assertEquals((long) e[0], g.get("count").asLong());
            assertEquals(e[1], g.get("area_ha").asDouble(), HA);
            assertEquals(e[1] * 15, g.get("area_mu").asDouble(), HA * 15);
            assertEquals(e[2], g.get("sum").get("area_ha").asDouble(), HA);
            totalHa += e[1];
        }
        assertEquals(totalHa, body.get("total").get("area_ha").asDouble(), HA);
        for (JsonNode g : body.get("groups")) {
            assertEquals(g.get("area_ha").asDouble() / totalHa, g.get("share").asDouble(), 1e-6);
        }
        double zoneHa = sqlDouble("SELECT ST_Area(geom::geography) / 10000 FROM planning_area WHERE id = 'Z2'");
        assertEquals(zoneHa, body.get("polygon").get("area_ha").asDouble(), HA);
        assertTrue(totalHa <= zoneHa + HA, "the parcels inside cannot exceed the zone");
    }

    @Test
    void theDistrictByLandUseAndStatusWithWholeAreas() throws Exception {
        JsonNode body = get("/collections/land-parcels/statistics?groupBy=land_use_code,status&sum=area_ha,area_mu&avg=plot_ratio&max=plot_ratio");
        assertEquals("whole", body.get("areas").asText());
        Map<String, double[]> expected = sqlByKey("""
                SELECT land_use_code || '|' || status, count(*), sum(ST_Area(geom::geography)) / 10000, sum(area_ha), sum(area_mu),
                       avg(plot_ratio), max(plot_ratio)
                FROM land_parcel GROUP BY 1""");
        assertEquals(expected.size(), body.get("groups").size());
        for (JsonNode g : body.get("groups")) {
            JsonNode k = g.get("properties");
            double[] e = expected.get(k.get("land_use_code").asText() + "|" + k.get("status").asText());
            assertEquals((long) e[0], g.get("count").asLong());
            assertEquals(e[1], g.get("area_ha").asDouble(), HA);
            assertEquals(e[2], g.get("sum").get("area_ha").asDouble(), HA);
            assertEquals(e[3], g.get("sum").get("area_mu").asDouble(), HA * 15);
            assertEquals(e[4], g.get("avg").get("plot_ratio").asDouble(), 1e-9);
            assertEquals(e[5], g.get("max").get("plot_ratio").asDouble(), 1e-9);
        }
        assertEquals(sqlDouble("SELECT count(*) FROM land_parcel"), body.get("numberMatched").asDouble());
    }

    @Test
    void aDrawnPolygonIsClippedTouchedOrContainedAsAsked() throws Exception {
        String poly = URLEncoder.encode(BOX, StandardCharsets.UTF_8);
        String filter = URLEncoder.encode("status = '规划'", StandardCharsets.UTF_8);
        String base = "/collections/land-parcels/statistics?filter=" + filter + "&polygon=" + poly;
        String box = "ST_GeomFromText('" + BOX + "', 4490)";
        JsonNode clip = get(base);
        assertEquals(sqlDouble("SELECT sum(ST_Area(ST_Intersection(geom, " + box + ")::geography)) / 10000 FROM land_parcel "
                + "WHERE status = '规划' AND ST_Intersects(geom, " + box + ")"), clip.get("total").get("area_ha").asDouble(), HA);
        JsonNode touch = get(base + "&mode=intersects");
        assertEquals("whole", touch.get("areas").asText());
        assertEquals(sqlDouble("SELECT count(*) FROM land_parcel WHERE status = '规划' AND ST_Intersects(geom, " + box + ")"),
                touch.get("total").get("count").asDouble());
        assertEquals(sqlDouble("SELECT sum(ST_Area(geom::geography)) / 10000 FROM land_parcel WHERE status = '规划' AND ST_Intersects(geom, "
                + box + ")"), touch.get("total").get("area_ha").asDouble(), HA);
        JsonNode within = get(base + "&mode=within");
        assertEquals(sqlDouble("SELECT count(*) FROM land_parcel WHERE status = '规划' AND ST_Within(geom, " + box + ")"),
                within.get("total").get("count").asDouble());
        assertTrue(within.get("total").get("area_ha").asDouble() < clip.get("total").get("area_ha").asDouble());
        assertTrue(clip.get("total").get("area_ha").asDouble() < touch.get("total").get("area_ha").asDouble());
    }

    @Test
    void aGaussKrugerPolygonIsReadNorthingFirst() throws Exception {
        String gk = sqlText("SELECT ST_AsText(ST_FlipCoordinates(ST_Transform(ST_GeomFromText('" + BOX + "', 4490), 4545)))");
        JsonNode body = get("/collections/land-parcels/statistics?polygon-crs=" + URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/4545",
                StandardCharsets.UTF_8) + "&polygon=" + URLEncoder.encode(gk, StandardCharsets.UTF_8));
        String box = "ST_Transform(ST_FlipCoordinates(ST_GeomFromText('" + gk + "', 4545)), 4490)";
        assertEquals(sqlDouble("SELECT sum(ST_Area(ST_Intersection(geom, " + box + ")::geography)) / 10000 FROM land_parcel WHERE ST_Intersects(geom, "
                + box + ")"), body.get("total").get("area_ha").asDouble(), HA);
    }

    @Test
    void projectsByCategoryAreCountsWithoutArea() throws Exception {
        JsonNode body = get("/collections/projects/statistics?groupBy=category");
        assertEquals("none", body.get("areas").asText());
        Map<String, double[]> expected = sqlByKey("SELECT category, count(*) FROM project GROUP BY 1");
        // The projects collection may be a subset of the table (Liudong only): compare with the items count.
        double items = json.readTree(TestServer.get("/collections/projects/items?limit=1").body()).get("numberMatched").asDouble();
        assertEquals(items, body.get("total").get("count").asDouble());
        for (JsonNode g : body.get("groups")) {
            double[] e = expected.get(g.get("properties").get("category").asText());
            assertTrue(e != null && g.get("count").asLong() <= (long) e[0], g.toString());
            assertTrue(!g.has("area_ha"));
        }
    }

    @Test
    void csvHasAByteOrderMarkChineseAndTheTotal() throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/land-parcels/statistics?groupBy=status&f=csv");
        assertEquals(200, r.statusCode());
        byte[] b = r.body();
        assertTrue((b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF, "UTF-8 BOM");
        String text = new String(b, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertEquals("status,count,area_m2,area_ha,area_mu,share", lines[0]);
        assertEquals(5, lines.length, text);  // header, 已出让, 已储备, 规划, total
        assertTrue(text.contains("已出让,"));
        String[] total = lines[4].split(",");
        assertEquals("合计 Total", total[0]);
        assertEquals(sqlDouble("SELECT count(*) FROM land_parcel"), Double.parseDouble(total[1]));
        assertEquals(sqlDouble("SELECT sum(ST_Area(geom::geography)) / 10000 FROM land_parcel"), Double.parseDouble(total[3]), HA);
    }

    @Test
    void mistakesAreProblemsThatNameTheFault() throws Exception {
        problem("/collections/land-parcels/statistics?groupBy=colour", 400, "'colour' is not a queryable");
        problem("/collections/land-parcels/statistics?sum=land_use_name", 400, "not numeric");
        problem("/collections/land-parcels/statistics?avg=nothing", 400, "'nothing' is not a queryable");
        problem("/collections/land-parcels/statistics?groupBy=parcel_code", 400, "more than 1000 groups");
        problem("/collections/land-parcels/statistics?mode=clip", 400, "mode: given without polygon");
        problem("/collections/land-parcels/statistics?polygon=planning-zones/Z9", 400, "no feature planning-zones/Z9");
        problem("/collections/land-parcels/statistics?polygon=projects/X", 400, "not polygons");
        problem("/collections/land-parcels/statistics?polygon=" + URLEncoder.encode("POLYGON((1 1, 2 2", StandardCharsets.UTF_8), 400, "not valid WKT");
        problem("/collections/land-parcels/statistics?polygon=" + URLEncoder.encode(
                "POLYGON((109.4 24.3,109.5 24.4,109.5 24.3,109.4 24.4,109.4 24.3))", StandardCharsets.UTF_8), 400, "Self-intersection");
        problem("/collections/land-parcels/statistics?polygon=" + URLEncoder.encode("POINT(109.4 24.3)", StandardCharsets.UTF_8), 400, "feature reference");
        problem("/collections/land-parcels/statistics?f=xml", 400, "use json or csv");
        problem("/collections/land-parcels/statistics?status=%E8%A7%84%E5%88%92&bbox=1,2", 400, "bbox");
        problem("/collections/nowhere/statistics", 404, "nowhere");
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = TestServer.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    static void problem(String path, int status, String detail) throws Exception {
        HttpResponse<String> r = TestServer.get(path);
        assertEquals(status, r.statusCode(), path + " → " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
        assertTrue(json.readTree(r.body()).get("detail").asText().contains(detail), path + " → " + r.body());
    }

    /** Rows of (key, numbers…) by key. */
    static Map<String, double[]> sqlByKey(String sql) throws Exception {
        Map<String, double[]> out = new HashMap<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                double[] v = new double[n - 1];
                for (int i = 2; i <= n; i++) v[i - 2] = rs.getDouble(i);
                out.put(rs.getString(1), v);
            }
        }
        return out;
    }

    static double sqlDouble(String sql) throws Exception {
        return Double.parseDouble(sqlText(sql));
    }

    static String sqlText(String sql) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
