package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.testing.TestServer;

/** OGC API – Features Part 1 against the real server and PostGIS, on the test layer. */
class FeaturesCoreTest {
    static final ObjectMapper json = new ObjectMapper();
    static final String ITEMS = "/collections/" + TestLayers.PARCELS + "/items";

    @BeforeAll
    static void layer() {
        TestLayers.ensure();
    }

    static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = TestServer.get(path, "application/json");
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        return json.readTree(r.body());
    }

    static String rel(JsonNode links, String rel) {
        for (JsonNode l : links) {
            if (l.path("rel").asText().equals(rel)) return l.path("href").asText();
        }
        return null;
    }

    @Test
    void landingPageLinksTheApiConformanceAndData() throws Exception {
        JsonNode landing = getJson("/");
        assertNotNull(rel(landing.get("links"), "service-desc"));
        assertNotNull(rel(landing.get("links"), "conformance"));
        assertTrue(rel(landing.get("links"), "data").endsWith("/collections"));
        HttpResponse<String> r = TestServer.get("/?f=json");
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void conformanceDeclaresCoreGeojsonCrsAndFilter() throws Exception {
        Set<String> classes = new HashSet<>();
        getJson("/conformance").get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter"));
    }

    @Test
    void collectionDescribesItselfFromTheCatalogueAndTheTable() throws Exception {
        JsonNode c = getJson("/collections/" + TestLayers.PARCELS);
        assertEquals(TestLayers.PARCELS, c.get("id").asText());
        assertEquals("测试地块", c.get("title").asText());
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/4490", c.get("storageCrs").asText());
        List<String> crs = new ArrayList<>();
        c.get("crs").forEach(x -> crs.add(x.asText()));
        assertTrue(crs.contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84") && crs.contains("http://www.opengis.net/def/crs/EPSG/0/4546"), crs.toString());
        JsonNode bbox = c.at("/extent/spatial/bbox/0");
        assertEquals(109.40, bbox.get(0).asDouble(), 1e-6);
        assertEquals(24.35, bbox.get(1).asDouble(), 1e-6);
        assertEquals(109.40 + 19 * 0.005 + 0.004, bbox.get(2).asDouble(), 1e-6);
        assertEquals("parcels", c.at("/group/id").asText());
        assertEquals("模拟数据", c.get("caveat_zh").asText());
        assertEquals("MultiPolygon", c.get("geometryType").asText());
        assertNotNull(rel(c.get("links"), "items"));
        assertEquals(5, c.get("tileMinZoom").asInt(), "the web map reads the minimum tile zoom here");
        // Links a client builds on (GDAL appends /{featureId} to the GeoJSON items link) carry no query string;
        // their type says the format. Only HTML alternates keep f=html.
        for (JsonNode l : c.get("links")) {
            if (!l.path("type").asText().equals("text/html")) assertTrue(!l.get("href").asText().contains("?"), l.toString());
        }
        String items = null;
        for (JsonNode l : c.get("links")) {
            if (l.path("rel").asText().equals("items") && l.path("type").asText().equals("application/geo+json")) items = l.get("href").asText();
        }
        HttpResponse<String> byId = TestServer.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(items + "/42"))
                .header("Accept", "application/geo+json").build());
        assertEquals(200, byId.statusCode(), byId.body());
        assertEquals(42, json.readTree(byId.body()).get("id").asInt());

        JsonNode all = getJson("/collections");
        boolean listed = false;
        for (JsonNode x : all.get("collections")) listed |= x.get("id").asText().equals(TestLayers.PARCELS);
        assertTrue(listed);
    }

    @Test
    void firstPageHasCountsAndLinks() throws Exception {
        HttpResponse<String> r = TestServer.get(ITEMS + "?limit=25");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode fc = json.readTree(r.body());
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(TestLayers.PARCEL_COUNT, fc.get("numberMatched").asInt());
        assertEquals(25, fc.get("numberReturned").asInt());
        assertEquals(25, fc.get("features").size());
        JsonNode f = fc.get("features").get(0);
        assertEquals(0, f.get("id").asInt());
        assertEquals("P-0000", f.at("/properties/code").asText());
        assertEquals("地块0号", f.at("/properties/name_zh").asText());
        assertTrue(f.at("/properties/figures").isObject(), "jsonb comes out as JSON: " + f);
        assertEquals("MultiPolygon", f.at("/geometry/type").asText());
        assertEquals(109.40, f.at("/geometry/coordinates/0/0/0/0").asDouble(), 1e-9);  // CRS84: longitude first
        // RFC 7946 has no "crs" member; PostGIS's default would name the storage CRS (EPSG:4490) here.
        assertEquals(List.of("coordinates", "type"), fieldNames(f.get("geometry")));
        assertNotNull(rel(fc.get("links"), "next"));
        assertNotNull(rel(fc.get("links"), "self"));
        assertNotNull(rel(fc.get("links"), "alternate"));
        assertEquals(null, rel(fc.get("links"), "prev"));
    }

    @Test
    void nextLinksPageThroughEveryFeatureOnce() throws Exception {
        String url = TestServer.baseUrl() + ITEMS + "?limit=70";
        Set<Integer> ids = new HashSet<>();
        int pages = 0;
        while (url != null) {
            HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(url)).build());
            assertEquals(200, r.statusCode(), url + " → " + r.body());
            JsonNode fc = json.readTree(r.body());
            for (JsonNode f : fc.get("features")) assertTrue(ids.add(f.get("id").asInt()), "seen twice: " + f.get("id"));
            if (pages > 0) assertNotNull(rel(fc.get("links"), "prev"));
            url = rel(fc.get("links"), "next");
            pages++;
            assertTrue(pages < 10);
        }
        assertEquals(TestLayers.PARCEL_COUNT, ids.size());
        assertEquals(5, pages);
    }

    @Test
    void sortedPagingWithNullsAndTiesStillVisitsEveryFeatureOnce() throws Exception {
        List<String> order = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        String url = TestServer.baseUrl() + ITEMS + "?limit=33&sortby=-status,land_use";
        while (url != null) {
            JsonNode fc = json.readTree(TestServer.send(HttpRequest.newBuilder(URI.create(url)).build()).body());
            for (JsonNode f : fc.get("features")) {
                assertTrue(ids.add(f.get("id").asInt()));
                order.add(f.at("/properties/status").asText("~null") + "|" + f.at("/properties/land_use").asText());
            }
            url = rel(fc.get("links"), "next");
        }
        assertEquals(TestLayers.PARCEL_COUNT, ids.size());
        // status descending ('规划' > '已出让' in code point order), NULLs last; then land_use ascending
        List<String> sorted = new ArrayList<>(order);
        sorted.sort((a, b) -> {
            String sa = a.split("\\|")[0], sb = b.split("\\|")[0];
            if (!sa.equals(sb)) {
                if (sa.equals("~null")) return 1;
                if (sb.equals("~null")) return -1;
                return sb.compareTo(sa);
            }
            return a.split("\\|")[1].compareTo(b.split("\\|")[1]);
        });
        assertEquals(sorted, order);
    }

    @Test
    void offsetStillWorksAndGivesPrevLinks() throws Exception {
        JsonNode fc = getJson(ITEMS + "?limit=10&offset=290");
        assertEquals(10, fc.get("numberReturned").asInt());
        assertEquals(290, fc.get("features").get(0).get("id").asInt());
        assertEquals(null, rel(fc.get("links"), "next"));
        assertTrue(rel(fc.get("links"), "prev").contains("offset=280"));
    }

    @Test
    void limitAboveTheMaximumServesTheMaximum() throws Exception {
        JsonNode fc = getJson(ITEMS + "?limit=1000000");
        assertEquals(TestLayers.PARCEL_COUNT, fc.get("numberReturned").asInt());
        JsonNode first = getJson(ITEMS);
        assertEquals(ItemsRequest.DEFAULT_LIMIT, first.get("numberReturned").asInt());
    }

    /**
     * numberMatched is told by the page itself when the rows end within it, and counted otherwise:
     * either way it is what PostgreSQL counts. Pages that end exactly at the limit, one short of
     * the end, past an offset, and wholly past the end of the result.
     */
    @Test
    void numberMatchedIsTheCountWhereverThePageEnds() throws Exception {
        long all = ShippedLayersTest.sql("SELECT count(*) FROM test_fixture_parcel");
        assertEquals(TestLayers.PARCEL_COUNT, all);
        // query, numberReturned, whether a next page is linked
        Object[][] pages = {
                {"limit=" + all, all, false},                 // ends exactly at the limit
                {"limit=" + (all - 1), all - 1, true},        // one row more than fits: counted
                {"limit=10&offset=" + (all - 3), 3L, false},  // the end within the page, after an offset
                {"limit=10&offset=" + all, 0L, false},        // empty, just past the end: counted
                {"limit=10&offset=" + (all + 50), 0L, false}, // empty, far past the end: counted
        };
        for (Object[] p : pages) {
            String query = (String) p[0];
            JsonNode fc = getJson(ITEMS + "?" + query);
            assertEquals(all, fc.get("numberMatched").asLong(), query);
            assertEquals((long) p[1], fc.get("numberReturned").asLong(), query);
            assertEquals(fc.get("numberReturned").asInt(), fc.get("features").size(), query);
            assertEquals(p[2], rel(fc.get("links"), "next") != null, query);
        }
        String box = "ST_Intersects(geom, ST_MakeEnvelope(109.399, 24.349, 109.4285, 24.3685, 4490))";
        long inBox = ShippedLayersTest.sql("SELECT count(*) FROM test_fixture_parcel WHERE " + box);
        long small = ShippedLayersTest.sql("SELECT count(*) FROM test_fixture_parcel WHERE land_use = '0901' AND " + box);
        assertTrue(small > 0 && small < inBox && inBox > 5, small + " of " + inBox);
        assertEquals(inBox, getJson(ITEMS + "?bbox=109.399,24.349,109.4285,24.3685&limit=1000").get("numberMatched").asLong());
        assertEquals(inBox, getJson(ITEMS + "?bbox=109.399,24.349,109.4285,24.3685&limit=5").get("numberMatched").asLong());
        JsonNode filtered = getJson(ITEMS + "?bbox=109.399,24.349,109.4285,24.3685&land_use=0901&limit=1000");
        assertEquals(small, filtered.get("numberMatched").asLong());
        assertEquals(small, filtered.get("numberReturned").asLong());
        // The HTML page says the same.
        HttpResponse<String> html = TestServer.get(ITEMS + "?limit=10&offset=" + (all - 3) + "&f=html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains(" / " + all + " "), "the HTML page shows numberMatched " + all);
    }

    @Test
    void propertyEqualityPropertiesSelectionAndSortby() throws Exception {
        JsonNode fc = getJson(ITEMS + "?land_use=0901&flag=false&properties=code,area_ha&sortby=-id&limit=500");
        // land_use 0901 is n % 4 == 2, which is even: flag true; so none match
        assertEquals(0, fc.get("numberMatched").asInt());
        fc = getJson(ITEMS + "?land_use=0901&properties=code,area_ha&sortby=-id&limit=500");
        assertEquals(75, fc.get("numberMatched").asInt());
        JsonNode f = fc.get("features").get(0);
        assertEquals(298, f.get("id").asInt());
        assertEquals(Set.of("code", "area_ha"), names(f.get("properties")));
        fc = getJson(ITEMS + "?approved=2020-01-11");
        assertEquals(1, fc.get("numberMatched").asInt());
        assertEquals(10, fc.at("/features/0/id").asInt());
        fc = getJson(ITEMS + "?" + "name_zh=" + java.net.URLEncoder.encode("地块7号", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, fc.get("numberMatched").asInt());
    }

    @Test
    void bboxSelectsBySpaceInEachCrsAxisOrder() throws Exception {
        // Column 0..1 (lon 109.400–109.409), rows 0..1 (lat 24.350–24.359): 4 parcels.
        JsonNode crs84 = getJson(ITEMS + "?bbox=109.399,24.349,109.4085,24.3585");
        assertEquals(4, crs84.get("numberMatched").asInt());
        JsonNode latFirst = getJson(ITEMS + "?bbox=24.349,109.399,24.3585,109.4085&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326");
        assertEquals(4, latFirst.get("numberMatched").asInt());
        JsonNode cgcs = getJson(ITEMS + "?bbox=24.349,109.399,24.3585,109.4085&bbox-crs=EPSG:4490");
        assertEquals(4, cgcs.get("numberMatched").asInt());
        JsonNode none = getJson(ITEMS + "?bbox=100,20,100.1,20.1");
        assertEquals(0, none.get("numberMatched").asInt());
        assertEquals(0, none.get("features").size());
    }

    @Test
    void aBboxAcrossTheAntimeridianIsTheTwoBoxesEitherSideOfIt() throws Exception {
        // OGC API – Features Part 1: a west edge larger than the east edge crosses the antimeridian.
        JsonNode pacific = getJson(ITEMS + "?bbox=177,65,-177,70");
        assertEquals(0, pacific.get("numberMatched").asInt());
        // From 109.4045°E eastwards across the antimeridian to 170°W: every parcel east of 109.4045° in the rows
        // of 24.349–24.3585°N; counted again by PostGIS with the two envelopes written out.
        JsonNode wrapped = getJson(ITEMS + "?bbox=109.4045,24.349,-170,24.3585");
        long expected = ShippedLayersTest.sql("SELECT count(*) FROM test_fixture_parcel WHERE ST_Intersects(geom, ST_MakeEnvelope(109.4045, 24.349, 180, 24.3585, 4490))"
                + " OR ST_Intersects(geom, ST_MakeEnvelope(-180, 24.349, -170, 24.3585, 4490))");
        assertEquals(38, expected, "19 columns of 2 rows");
        assertEquals(expected, wrapped.get("numberMatched").asLong());
        JsonNode latFirst = getJson(ITEMS + "?bbox=24.349,109.4045,24.3585,-170&bbox-crs=EPSG:4326");
        assertEquals(expected, latFirst.get("numberMatched").asLong());
    }

    @Test
    void crsTransformsAndOrdersAxesAsTheDefinitionSays() throws Exception {
        HttpResponse<String> r = TestServer.get(ITEMS + "?limit=1&crs=http://www.opengis.net/def/crs/EPSG/0/4326", "application/geo+json");
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4326>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode p = json.readTree(r.body()).at("/features/0/geometry/coordinates/0/0/0");
        assertEquals(24.35, p.get(0).asDouble(), 1e-6);
        assertEquals(109.40, p.get(1).asDouble(), 1e-6);

        p = getJson(ITEMS + "?limit=1&crs=EPSG:3857").at("/features/0/geometry/coordinates/0/0/0");
        assertEquals(109.40 * 20037508.342789244 / 180, p.get(0).asDouble(), 1);  // easting first
        assertEquals(2796000, p.get(1).asDouble(), 5000);

        p = getJson(ITEMS + "?limit=1&crs=EPSG:4545").at("/features/0/geometry/coordinates/0/0/0");
        // CGCS2000 / GK CM 108E: northing first (≈ 2 694 km), then easting (500 km false easting + ≈ 142 km east of 108°E)
        assertEquals(2_694_000, p.get(0).asDouble(), 3000);
        assertEquals(642_000, p.get(1).asDouble(), 3000);
    }

    @Test
    void oneFeatureByIdAnd404s() throws Exception {
        HttpResponse<String> r = TestServer.get(ITEMS + "/42", "application/geo+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode f = json.readTree(r.body());
        assertEquals("Feature", f.get("type").asText());
        assertEquals(42, f.get("id").asInt());
        assertEquals("地块42号", f.at("/properties/name_zh").asText(), "UTF-8 whatever the media type");
        assertTrue(TestServer.get("/api").body().contains("柳东新区"), "OpenAPI title in UTF-8");
        assertTrue(TestServer.get("/collections/" + TestLayers.PARCELS + "/queryables").body().contains("测试地块"), "queryables title in UTF-8");
        assertTrue(TestServer.get("/collections/" + TestLayers.PARCELS + "/tiles/WebMercatorQuad").body().contains("测试地块"), "TileJSON in UTF-8");
        assertNotNull(rel(f.get("links"), "collection"));
        assertEquals(TestServer.baseUrl() + ITEMS + "/42", rel(f.get("links"), "self"));
        assertEquals(List.of("coordinates", "type"), fieldNames(f.get("geometry")));
        JsonNode in4326 = getJson(ITEMS + "/42?crs=EPSG:4326");
        assertEquals(List.of("coordinates", "type"), fieldNames(in4326.get("geometry")), "no crs member in any CRS");
        assertEquals(404, TestServer.get(ITEMS + "/100000").statusCode());
        assertEquals(404, TestServer.get(ITEMS + "/not-a-number").statusCode());
        assertEquals(404, TestServer.get("/collections/no-such-layer/items").statusCode());
        assertEquals("application/problem+json",
                TestServer.get("/collections/no-such-layer").headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void queryablesAreAJsonSchemaOfTheColumns() throws Exception {
        HttpResponse<String> r = TestServer.get("/collections/" + TestLayers.PARCELS + "/queryables");
        assertEquals(200, r.statusCode());
        assertEquals("application/schema+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode q = json.readTree(r.body());
        assertEquals("object", q.get("type").asText());
        assertEquals("string", q.at("/properties/code/type").asText());
        assertEquals("number", q.at("/properties/area_ha/type").asText());
        assertEquals("integer", q.at("/properties/id/type").asText());
        assertEquals("date", q.at("/properties/approved/format").asText());
        assertEquals("geometry-multipolygon", q.at("/properties/geometry/format").asText());
        assertTrue(q.at("/properties/figures").isMissingNode(), "jsonb is not queryable");
    }

    static Set<String> names(JsonNode o) {
        Set<String> s = new HashSet<>();
        o.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void htmlByAcceptAndByF() throws Exception {
        HttpResponse<String> r = TestServer.get(ITEMS + "?limit=5", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("地块0号"));
        assertTrue(r.body().contains("&lt;b&gt;"), "values are escaped");
        assertFalse(r.body().contains("<b>"));
        for (String p : List.of("/?f=html", "/collections?f=html", "/collections/" + TestLayers.PARCELS + "?f=html",
                ITEMS + "/3?f=html", "/conformance?f=html", "/collections/" + TestLayers.PARCELS + "/queryables?f=html")) {
            HttpResponse<String> h = TestServer.get(p);
            assertEquals(200, h.statusCode(), p);
            assertTrue(h.body().startsWith("<!DOCTYPE html>"), p);
        }
        assertTrue(TestServer.get("/collections/" + TestLayers.PARCELS + "?f=html").body().contains("测试用 &lt;地块&gt;"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
