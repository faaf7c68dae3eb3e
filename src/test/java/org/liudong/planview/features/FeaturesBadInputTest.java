package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.liudong.planview.query.Cursor;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** A caller's mistake is a 400 problem that says what was wrong — never a 500, never a stack trace. */
class FeaturesBadInputTest {
    static final ObjectMapper json = new ObjectMapper();
    static final String ITEMS = "/collections/" + TestLayers.PARCELS + "/items";

    @BeforeAll
    static void layer() {
        TestLayers.ensure();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode problem(String pathAndQuery, int status, String mentioned) throws Exception {
        HttpResponse<String> r = TestServer.get(pathAndQuery);
        assertEquals(status, r.statusCode(), pathAndQuery + " → " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], pathAndQuery);
        JsonNode p = json.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        String detail = p.get("detail").asText();
        assertTrue(detail.contains(mentioned), pathAndQuery + ": detail should mention '" + mentioned + "': " + detail);
        assertTrue(!detail.contains("Exception") && !detail.contains("at org."), "no internals: " + detail);
        return p;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bbox=1,2,3|bbox",
            "bbox=a,b,c,d|bbox",
            "bbox=109.5,24.4,109.4,24.3|lower corner",
            "bbox=1,2,3,4,5|bbox",
            "bbox=,,,|bbox",
            "bbox=0,0,1,NaN|bbox",
            "bbox=-200,0,1,1|outside",
            "bbox=1,2,3,4&bbox=1,2,3,4|once",
            "bbox-crs=EPSG:4490|without bbox",
            "limit=0|limit",
            "limit=-5|limit",
            "limit=ten|limit",
            "limit=1.5|limit",
            "offset=-1|offset",
            "offset=abc|offset",
            "nosuch=1|nosuch",
            "properties=code,nosuch|nosuch",
            "sortby=nosuch|nosuch",
            "sortby=figures|figures",
            "sortby=code,-code|twice",
            "crs=EPSG:2000|not a supported CRS",
            "crs=urn:ogc:def:crs:EPSG::999999|not a supported CRS",
            "bbox=1,2,3,4&bbox-crs=EPSG:99|bbox-crs",
            "filter-crs=EPSG:1|filter-crs",
            "filter-lang=cql2-json|filter-lang",
            "id=abc|whole number",
            "area_ha=big|number",
            "flag=maybe|true or false",
            "approved=yesterday|date",
            "cursor=garbage|cursor",
            "cursor=WyJ4IiwxLFsiYSJdXQ|cursor",
            "offset=5&cursor=abc|offset",
            "f=xml|f",
    })
    void badParametersAre400(String query, String mentioned) throws Exception {
        problem(ITEMS + "?" + query, 400, mentioned);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // what the OGC test suite sends (Proj4J ignores axis order): easting and longitude first
            "4524|36646368.0160611,2685853.7883217,36673653.3488074,2713408.6225166|these look like easting first; EPSG:4524 is northing first",
            "4545|646368.0160611,2685853.7883217,673653.3488074,2713408.6225166|these look like easting first; EPSG:4545 is northing first",
            "4326|109.3,24.2,109.7,24.5|these look like longitude first; EPSG:4326 is latitude first",
            "4490|109.3,24.2,109.7,24.5|these look like longitude first; EPSG:4490 is latitude first",
            "4524|0,0,1,1|outside EPSG:4524",
            "3857|1e9,0,2e9,1|outside EPSG:3857",
    })
    void aBboxWhoseAxesLookSwappedIsToldSo(int epsg, String bbox, String mentioned) throws Exception {
        JsonNode p = problem(ITEMS + "?bbox-crs=EPSG:" + epsg + "&bbox=" + bbox, 400, mentioned);
        String detail = p.get("detail").asText();
        assertTrue(!detail.contains("transform") && !detail.contains("projection domain"), "not PostGIS's words: " + detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1 --", "1; DROP TABLE test_fixture_parcel; --", "\") OR (\"1\"=\"1", "\u0000", "$$; select 1; $$"})
    void injectionAttemptsInEveryParameterAreHarmless(String evil) throws Exception {
        String e = enc(evil);
        for (String q : new String[] {"bbox=" + e, "bbox=1,2,3," + e, "bbox-crs=" + e + "&bbox=1,2,3,4", "crs=" + e, "limit=" + e,
                "offset=" + e, "cursor=" + e, "properties=" + e, "sortby=" + e, "filter-crs=" + e, "filter-lang=" + e,
                "f=" + e, e + "=1", "id=" + e, "area_ha=" + e, "approved=" + e}) {
            HttpResponse<String> r = TestServer.get(ITEMS + "?" + q);
            assertEquals(400, r.statusCode(), q + " → " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
        // A text property compared with an evil value is just a value that matches nothing.
        HttpResponse<String> r = TestServer.get(ITEMS + "?code=" + e);
        if (evil.contains("\u0000")) {
            assertEquals(400, r.statusCode(), r.body());
        } else {
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(0, json.readTree(r.body()).get("numberMatched").asInt());
        }
        // Paths too
        for (String path : new String[] {ITEMS + "/" + enc(evil).replace("+", "%20"),
                "/collections/" + enc(evil).replace("+", "%20") + "/items"}) {
            HttpResponse<String> p = TestServer.get(path);
            // 404: no such feature or collection; 400 when the server refuses the URI itself (a NUL in the path)
            assertTrue(p.statusCode() == 404 || p.statusCode() == 400 && evil.contains("\u0000"), path + " → " + p.statusCode() + " " + p.body());
            // (Jetty itself answers a NUL in the path, with its own small HTML page, before any route runs.)
            if (!evil.contains("\u0000")) {
                assertEquals("application/problem+json", p.headers().firstValue("Content-Type").orElse("").split(";")[0], path + " → " + p.body());
            }
        }
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM test_fixture_parcel")) {
            rs.next();
            assertEquals(TestLayers.PARCEL_COUNT, rs.getInt(1), "the table is untouched");
        }
    }

    @Test
    void aCursorForAnotherSortIsRefused() throws Exception {
        JsonNode fc = json.readTree(TestServer.get(ITEMS + "?limit=5&sortby=code").body());
        String next = FeaturesCoreTest.rel(fc.get("links"), "next");
        String cursor = next.replaceAll(".*cursor=([^&]+).*", "$1");
        problem(ITEMS + "?limit=5&sortby=-code&cursor=" + cursor, 400, "sortby");
        // A forged cursor whose values cannot be cast to the column types is a 400 too.
        String forged = new Cursor("", 10, java.util.List.of("not-a-number"), -1).encode();
        problem(ITEMS + "?cursor=" + forged, 400, "value");
    }

    @Test
    void unknownParametersOnOtherResourcesAre400() throws Exception {
        problem("/collections?bbox=1,2,3,4", 400, "bbox");
        problem("/collections/" + TestLayers.PARCELS + "?x=1", 400, "x");
        problem("/?f=pdf", 400, "f");
        problem(ITEMS + "/1?crs=EPSG:1", 400, "crs");
    }
}
