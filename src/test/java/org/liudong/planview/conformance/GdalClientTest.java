package org.liudong.planview.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.features.ShippedLayersTest;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * GDAL's own OGC API – Features client (the OAPIF driver of GDAL 3.6, as QGIS's Python tools and
 * ogr2ogr users meet it) against the test server: it pushes attribute filters to the server (seen in
 * its {@code --debug on} output), fetches a feature by id through the items link, and copies every
 * collection with counts equal to numberMatched and the Chinese text intact.
 */
class GdalClientTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final GdalRunner gdal = new GdalRunner(Map.of(), Duration.ofMinutes(10));
    private static final Pattern FETCH = Pattern.compile("HTTP: Fetch\\((.*)\\)");

    @TempDir
    Path tmp;

    private static String source() {
        return "OAPIF:" + TestServer.baseUrl() + "/";
    }

    private static List<String> fetched(String debug) {
        List<String> urls = new ArrayList<>();
        Matcher m = FETCH.matcher(debug);
        while (m.find()) urls.add(m.group(1));
        return urls;
    }

    private static long featureCount(String ogrinfo) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
        assertTrue(m.find(), ogrinfo);
        return Long.parseLong(m.group(1));
    }

    @Test
    void gdalPushesAnAttributeFilterToTheServer() throws Exception {
        GdalRunner.Result r = gdal.run(tmp, List.of("ogrinfo", "--debug", "on", "-ro", "-so", "-oo", "PAGE_SIZE=1000", source(),
                "land-parcels", "-where", "land_use_code = '1001' AND area_ha > 2"));
        String debug = r.stderr();
        assertTrue(debug.contains("OAPIF: CQL text detected"), "GDAL found filter-lang cql-text in /api: " + GdalRunner.lastLines(debug));
        assertFalse(debug.contains("evaluated on client side"), "nothing left for the client: " + GdalRunner.lastLines(debug));
        List<String> items = fetched(debug).stream().filter(u -> u.contains("/collections/land-parcels/items")).toList();
        assertTrue(items.stream().anyMatch(u -> u.contains("filter=") && u.contains("land_use_code") && u.contains("area_ha")
                && u.contains("filter-lang=cql-text")), "the filter went to the server: " + items);
        assertEquals(ShippedLayersTest.sql("SELECT count(*) FROM land_parcel WHERE land_use_code = '1001' AND area_ha > 2"),
                featureCount(r.stdout()));
    }

    @Test
    void gdalFetchesAFeatureByIdThroughTheItemsLink() throws Exception {
        GdalRunner.Result r = gdal.run(tmp, List.of("ogrinfo", "--debug", "on", "-ro", source(), "projects", "-where", "id = 'PRJ001'"));
        List<String> urls = fetched(r.stderr());
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/collections/projects/items/PRJ001")), "by id: " + urls);
        String name = scalar("SELECT name_zh FROM project WHERE id = 'PRJ001'");
        assertTrue(r.stdout().contains("name_zh (String) = " + name), r.stdout());
        assertEquals(1, featureCount(gdal.run(tmp, List.of("ogrinfo", "-ro", "-so", source(), "projects", "-where", "id = 'PRJ001'")).stdout()));
    }

    @Test
    void gdalCopiesEveryCollectionWholeWithItsChineseText() throws Exception {
        Path copy = tmp.resolve("copy.gpkg");
        gdal.run(tmp, List.of("ogr2ogr", "-f", "GPKG", "-oo", "PAGE_SIZE=1000", copy.toString(), source()));
        JsonNode collections = json.readTree(TestServer.get("/collections", "application/json").body()).get("collections");
        String info = gdal.run(tmp, List.of("ogrinfo", "-ro", "-so", "-al", copy.toString())).stdout();
        Map<String, Long> copied = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^Layer name: (.*)$[\\s\\S]*?^Feature Count: (\\d+)$").matcher(info);
        while (m.find()) copied.put(m.group(1).trim(), Long.parseLong(m.group(2)));
        for (JsonNode c : collections) {
            String id = c.get("id").asText();
            long matched = json.readTree(TestServer.get("/collections/" + id + "/items?limit=1", "application/geo+json").body())
                    .get("numberMatched").asLong();
            assertEquals(matched, copied.getOrDefault(id, -1L), id + ": GDAL copied numberMatched features");
            String expected = ShippedLayersTest.EXPECTED.get(id);
            if (expected != null) assertEquals(ShippedLayersTest.sql(expected), matched, id + ": numberMatched as SQL counts");
        }
        // Chinese, as stored: every project's name, read back from the copy by GDAL's CSV writer
        Path names = tmp.resolve("names.csv");
        gdal.run(tmp, List.of("ogr2ogr", "-f", "CSV", names.toString(), copy.toString(), "projects", "-select", "id,name_zh"));
        String csv = Files.readString(names);
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, name_zh FROM project WHERE scope = 'liudong'")) {
            while (rs.next()) {
                String name = rs.getString(2);
                String cell = name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
                assertTrue(csv.contains(rs.getString(1) + "," + cell), rs.getString(1) + " " + name);
            }
        }
    }

    private static String scalar(String sql) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
