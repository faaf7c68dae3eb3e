package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** Part 3 filtering with CQL2 text on the shipped parcels: each answer checked against plain SQL on the same table. */
class FilterTest {
    static final ObjectMapper json = new ObjectMapper();
    static final String PARCELS = "/collections/land-parcels/items";

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static long sqlCount(String where) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM land_parcel WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static JsonNode items(String query) throws Exception {
        HttpResponse<String> r = TestServer.get(PARCELS + "?" + query);
        assertEquals(200, r.statusCode(), query + " → " + r.body());
        return json.readTree(r.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "land_use_code = '1001'|land_use_code = '1001'",
            "land_use_code = '1001' AND area_ha > 2|land_use_code = '1001' AND area_ha > 2",
            "status IN ('已出让', '已储备')|status IN ('已出让', '已储备')",
            "area_ha BETWEEN 1 AND 100|area_ha BETWEEN 1 AND 100",
            "parcel_code LIKE '%1%'|parcel_code LIKE '%1%'",
            "area_id IS NULL|area_id IS NULL",
            "NOT (status = '规划') OR plot_ratio >= 2.5|NOT (status = '规划') OR plot_ratio >= 2.5",
            "land_use_name = '工业用地'|land_use_name = '工业用地'",
    })
    void filtersMatchPlainSql(String cql, String sql) throws Exception {
        long expected = sqlCount(sql);
        assertTrue(expected > 0, "the shipped parcels should have some rows for: " + sql);
        JsonNode fc = items("filter=" + enc(cql) + "&limit=1");
        assertEquals(expected, fc.get("numberMatched").asLong(), cql);
    }

    @Test
    void spatialFiltersWithWktAndFilterCrs() throws Exception {
        String env = "ST_MakeEnvelope(109.42, 24.33, 109.48, 24.38, 4490)";
        long intersecting = sqlCount("ST_Intersects(geom, " + env + ")");
        long within = sqlCount("ST_Within(geom, " + env + ")");
        assertTrue(intersecting > 0 && within > 0 && within <= intersecting, intersecting + " / " + within);
        String wkt = "POLYGON((109.42 24.33, 109.48 24.33, 109.48 24.38, 109.42 24.38, 109.42 24.33))";
        assertEquals(intersecting, items("filter=" + enc("S_INTERSECTS(geometry, " + wkt + ")")).get("numberMatched").asLong());
        assertEquals(within, items("filter=" + enc("S_WITHIN(geometry, " + wkt + ")")).get("numberMatched").asLong());
        String latFirst = "POLYGON((24.33 109.42, 24.33 109.48, 24.38 109.48, 24.38 109.42, 24.33 109.42))";
        assertEquals(intersecting, items("filter=" + enc("S_INTERSECTS(geometry, " + latFirst + ")")
                + "&filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326")).get("numberMatched").asLong());
        // the parcel that contains a point
        long containing = sqlCount("ST_Contains(geom, ST_SetSRID(ST_MakePoint(109.45, 24.35), 4490))");
        assertEquals(containing, items("filter=" + enc("S_CONTAINS(geometry, POINT(109.45 24.35))")).get("numberMatched").asLong());
    }

    @Test
    void filterCombinesWithBboxPropertiesAndPaging() throws Exception {
        long expected = sqlCount("land_use_code = '1001' AND ST_Intersects(geom, ST_MakeEnvelope(109.3, 24.2, 109.6, 24.5, 4490))");
        String url = TestServer.baseUrl() + PARCELS + "?filter=" + enc("land_use_code = '1001'") + "&bbox=109.3,24.2,109.6,24.5&limit=50&land_use_code=1001";
        Set<Long> ids = new HashSet<>();
        while (url != null) {
            HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(url)).build());
            JsonNode fc = json.readTree(r.body());
            assertEquals(expected, fc.get("numberMatched").asLong());
            for (JsonNode f : fc.get("features")) {
                assertTrue(ids.add(f.get("id").asLong()));
                assertEquals("1001", f.at("/properties/land_use_code").asText());
            }
            url = FeaturesCoreTest.rel(fc.get("links"), "next");
        }
        assertEquals(expected, ids.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "land_use_code = |character",
            "area_ha > 'big'|area_ha",
            "nosuch = 1|nosuch",
            "S_INTERSECTS(geometry, POLYGON((1 2, 3 4)))|geometry",
            "land_use_code = '1001' AND|character",
            "land_use_code = '1001'; DROP TABLE land_parcel|character",
            "(status = '规划'|character",
            "status = \"x\" OR \"1\"=\"1\"|x",
            "S_INTERSECTS(geometry, POINT(500 500))|",
    })
    void badFiltersAre400WithWhereAndWhat(String cql, String mentioned) throws Exception {
        HttpResponse<String> r = TestServer.get(PARCELS + "?filter=" + enc(cql));
        assertEquals(400, r.statusCode(), cql + " → " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String detail = json.readTree(r.body()).get("detail").asText();
        assertTrue(detail.startsWith("parameter filter"), detail);
        assertTrue(mentioned == null || detail.contains(mentioned), cql + ": " + detail);
        assertTrue(sqlCount("true") > 0, "the table is still there");
    }
}
