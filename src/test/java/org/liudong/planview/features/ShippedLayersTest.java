package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liudong.planview.query.Cursor;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.query.ItemsSql;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** Every shipped layer answers, pages to the end like an OGC client would, and draws as tiles. */
public class ShippedLayersTest {
    static final ObjectMapper json = new ObjectMapper();
    /** collection id → the rows it should have, as SQL on the shipped tables says. */
    public static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("planning-zones", "SELECT count(*) FROM planning_area WHERE kind = 'zone'"),
            Map.entry("service-parks", "SELECT count(*) FROM planning_area WHERE kind = 'park'"),
            Map.entry("industrial-clusters", "SELECT count(*) FROM planning_area WHERE kind = 'cluster'"),
            // the mixed table, one collection per geometry type
            Map.entry("spatial-structure-areas", "SELECT count(*) FROM spatial_structure WHERE GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')"),
            Map.entry("spatial-structure-axes", "SELECT count(*) FROM spatial_structure WHERE GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING')"),
            Map.entry("spatial-structure-nodes", "SELECT count(*) FROM spatial_structure WHERE GeometryType(geom) IN ('POINT', 'MULTIPOINT')"),
            Map.entry("projects", "SELECT count(*) FROM project WHERE scope = 'liudong'"),
            Map.entry("projects-all", "SELECT count(*) FROM project"),
            Map.entry("land-parcels", "SELECT count(*) FROM land_parcel"),
            Map.entry("districts", "SELECT count(*) FROM district"),
            Map.entry("rivers", "SELECT count(*) FROM river"),
            Map.entry("roads", "SELECT count(*) FROM road"),
            Map.entry("localities", "SELECT count(*) FROM locality"));

    public static long sql(String query) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyShippedLayerIsACollectionInItsGroup() throws Exception {
        JsonNode all = json.readTree(TestServer.get("/collections", "application/json").body());
        Map<String, String> groups = new HashMap<>();
        for (JsonNode c : all.get("collections")) groups.put(c.get("id").asText(), c.at("/group/id").asText());
        for (String id : EXPECTED.keySet()) assertTrue(groups.containsKey(id), id + " missing from " + groups.keySet());
        assertEquals("zones", groups.get("planning-zones"));
        assertEquals("parks", groups.get("service-parks"));
        assertEquals("clusters", groups.get("industrial-clusters"));
        assertEquals("parcels", groups.get("land-parcels"));
        assertEquals(3, sql(EXPECTED.get("planning-zones")));
        assertEquals(4, sql(EXPECTED.get("service-parks")));
        assertEquals(7, sql(EXPECTED.get("industrial-clusters")));
        // every row of the mixed spatial_structure table is in exactly one of its three collections
        assertEquals(sql("SELECT count(*) FROM spatial_structure"), sql(EXPECTED.get("spatial-structure-areas"))
                + sql(EXPECTED.get("spatial-structure-axes")) + sql(EXPECTED.get("spatial-structure-nodes")));
        for (String id : List.of("spatial-structure-areas", "spatial-structure-axes", "spatial-structure-nodes")) {
            JsonNode c = json.readTree(TestServer.get("/collections/" + id, "application/json").body());
            assertEquals("structure", c.at("/group/id").asText(), id);
            JsonNode fc = json.readTree(TestServer.get("/collections/" + id + "/items?limit=100", "application/geo+json").body());
            java.util.Set<String> families = new java.util.HashSet<>();
            for (JsonNode f : fc.get("features")) families.add(f.at("/geometry/type").asText().replace("Multi", ""));
            assertEquals(java.util.Set.of(c.get("geometryType").asText()), families, id + ": one geometry type");
        }
        JsonNode parcels = json.readTree(TestServer.get("/collections/land-parcels", "application/json").body());
        assertTrue(parcels.get("caveat_zh").asText().contains("模拟"));
        assertTrue(parcels.at("/defaultStyle/categories").size() > 5, "land-use colours from land_use_class: " + parcels.get("defaultStyle"));
    }

    @Test
    void anOgcClientCanPageThroughEveryCollectionToTheEnd() throws Exception {
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            long expected = sql(e.getValue());
            assertTrue(expected > 0, e.getKey() + " has data");
            String url = TestServer.baseUrl() + "/collections/" + e.getKey() + "/items?limit=700";
            Set<String> ids = new HashSet<>();
            int pages = 0;
            while (url != null) {
                HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/geo+json").build());
                assertEquals(200, r.statusCode(), url + " → " + r.body());
                JsonNode fc = json.readTree(r.body());
                assertEquals(expected, fc.get("numberMatched").asLong(), e.getKey());
                for (JsonNode f : fc.get("features")) {
                    assertTrue(ids.add(f.get("id").asText()), e.getKey() + ": " + f.get("id") + " twice");
                    assertTrue(f.get("geometry").has("coordinates") || f.get("geometry").has("geometries"), e.getKey());
                }
                url = FeaturesCoreTest.rel(fc.get("links"), "next");
                pages++;
            }
            assertEquals(expected, ids.size(), e.getKey());
            assertEquals((expected + 699) / 700, pages, e.getKey());
        }
    }

    @Test
    void provenanceAndChineseTextComeThroughAsJson() throws Exception {
        JsonNode fc = json.readTree(TestServer.get("/collections/planning-zones/items", "application/geo+json").body());
        JsonNode f = fc.get("features").get(0);
        assertTrue(f.at("/properties/name_zh").asText().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        JsonNode sources = f.at("/properties/sources");
        assertTrue(sources.isArray() && sources.get(0).has("quote"), f.toString());
        assertEquals("zone", f.at("/properties/kind").asText());
    }

    /** The API's sources keep the file and name the document; the HTML page cites it as 《title》（date），第 N 行. */
    @Test
    void sourcesNameTheirDocumentByTitleAndDate() throws Exception {
        JsonNode f = json.readTree(TestServer.get("/collections/planning-zones/items/Z1", "application/geo+json").body());
        JsonNode s = f.at("/properties/sources/0");
        String file = s.get("file").asText();
        assertEquals(sqlText("SELECT title_zh FROM source_document WHERE file = '" + file.replace("'", "") + "'"
                + " AND NOT EXISTS (SELECT 1 FROM source_part p WHERE p.file = source_document.file AND "
                + s.get("line").asInt() + " BETWEEN p.first_line AND p.last_line)"), s.get("title").asText());
        assertTrue(s.get("date").asText().matches("\\d{4}-\\d{2}(-\\d{2})?"), s.toString());
        String html = TestServer.get("/collections/planning-zones/items/Z1?f=html").body();
        String title = s.get("title").asText().replace('《', '〈').replace('》', '〉');
        assertTrue(html.contains("《" + title + "》（" + s.get("date").asText() + "），第 " + s.get("line").asInt() + " 行"), html);
        assertTrue(html.contains(file), "the file name is kept: " + html);
    }

    static String sqlText(String query) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            assertTrue(rs.next(), "no row for " + query);
            return rs.getString(1);
        }
    }

    @Test
    void deepPagesSeekByTheKeyInsteadOfSkippingRows() throws Exception {
        var parcels = TestCatalog.get("land-parcels");
        ItemsRequest r = ItemsRequest.parse(parcels, Map.of("cursor", List.of(new Cursor("", 3000, List.of("3000"), 4000).encode())));
        var st = ItemsSql.page(parcels, r).statement();
        assertTrue(!st.sql().contains("OFFSET"), st.sql());
        try (Connection c = TestDatabase.dataSource().getConnection(); var ps = c.prepareStatement("EXPLAIN " + st.sql())) {
            for (int i = 0; i < st.params().size(); i++) ps.setObject(i + 1, st.params().get(i));
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
            assertTrue(plan.toString().contains("Index Scan using land_parcel_pkey") && plan.toString().contains("Index Cond"), plan.toString());
        }
    }

    @Test
    void aBigPageIsStreamedNotBuffered() throws Exception {
        HttpResponse<java.io.InputStream> r = TestServer.client().send(HttpRequest.newBuilder(
                URI.create(TestServer.baseUrl() + "/collections/land-parcels/items?limit=10000")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "chunked, written as the rows come: " + r.headers().map());
        JsonNode fc = json.readTree(r.body());
        assertEquals(sql("SELECT count(*) FROM land_parcel"), fc.get("numberReturned").asLong());
    }

    @Test
    void parcelQueriesUseTheSpatialIndex() throws Exception {
        ItemsRequest r = ItemsRequest.parse(TestCatalog.get("land-parcels"), Map.of("bbox", List.of("109.44,24.34,109.45,24.35")));
        var st = ItemsSql.count(TestCatalog.get("land-parcels"), r.selection());
        try (Connection c = TestDatabase.dataSource().getConnection(); var ps = c.prepareStatement("EXPLAIN " + st.sql())) {
            for (int i = 0; i < st.params().size(); i++) ps.setObject(i + 1, st.params().get(i));
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
            assertTrue(plan.toString().contains("land_parcel_geom_gix"), plan.toString());
        }
    }
}
