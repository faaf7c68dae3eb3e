package org.liudong.planview.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.auth.Role;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.http.RouteList;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;

/**
 * An internal collection does not exist for an anonymous caller, in every route that reads a
 * collection: each answers exactly as it does for an id that names nothing (same status, same
 * body but for the id), and no listing names it. A signed-in account reads it.
 */
class InternalCollectionsTest {
    static final String SECRET = "test-internal-layer";
    /** Same length, so that bodies compare without padding surprises. */
    static final String NOTHING = "test-nothing-at-all";
    private static final String LAYER = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"S1","name_zh":"内部地块"},"geometry":{"type":"Polygon",
              "coordinates":[[[109.50,24.40],[109.51,24.40],[109.51,24.41],[109.50,24.41],[109.50,24.40]]]}},
             {"type":"Feature","properties":{"id":"S2","name_zh":"内部地块二"},"geometry":{"type":"Polygon",
              "coordinates":[[[109.52,24.40],[109.53,24.40],[109.53,24.41],[109.52,24.41],[109.52,24.40]]]}}]}""";

    @BeforeAll
    static void internalLayer() {
        synchronized (InternalCollectionsTest.class) {
            if (TestServer.get("/collections/" + SECRET, "application/json").statusCode() == 200) return;
            if (new Catalog(TestDatabase.dataSource()).find(SECRET).isPresent()) return;
            HttpResponse<String> r = Upload.post("/collections", "内部.geojson", LAYER.getBytes(StandardCharsets.UTF_8),
                    Upload.fields("id", SECRET, "title_zh", "内部图层", "title_en", "Internal layer", "access", "internal"));
            assertEquals(201, r.statusCode(), r.body());
        }
    }

    @Test
    void everyRouteThatReadsACollectionAnswersAsIfItDidNotExist() {
        List<RouteList.Route> reads = TestServer.routes().stream()
                .filter(r -> r.method().equals("GET") && r.path().contains("{collectionId}")).toList();
        Set<String> paths = Set.copyOf(reads.stream().map(RouteList.Route::path).toList());
        for (String expected : List.of("/collections/{collectionId}", "/collections/{collectionId}/items",
                "/collections/{collectionId}/items/{featureId}", "/collections/{collectionId}/queryables",
                "/collections/{collectionId}/tiles", "/collections/{collectionId}/tiles/WebMercatorQuad",
                "/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{y}/{x}", "/collections/{collectionId}/export",
                "/web/collections/{collectionId}/totals", "/collections/{collectionId}/versions", "/collections/{collectionId}/diff")) {
            assertTrue(paths.contains(expected), expected + " is among the routes walked");
        }
        List<String> walked = new ArrayList<>();
        for (RouteList.Route r : reads) {
            for (String query : queries(r.path())) {
                HttpResponse<String> secret = get(concrete(r.path(), SECRET) + query, null);
                HttpResponse<String> nothing = get(concrete(r.path(), NOTHING) + query, null);
                String what = r.path() + query;
                assertEquals(404, secret.statusCode(), what + ": " + secret.body());
                assertEquals(nothing.statusCode(), secret.statusCode(), what);
                assertEquals(nothing.body().replace(NOTHING, "X"), secret.body().replace(SECRET, "X"), what + ": the same answer");
                walked.add(what);
            }
        }
        assertTrue(walked.size() >= 12, "walked " + walked);
    }

    @Test
    void listingsDoNotNameIt() {
        for (String path : List.of("/collections?f=json", "/collections?f=html", "/api", "/config.json", "/?f=json")) {
            HttpResponse<String> r = get(path, null);
            assertEquals(200, r.statusCode(), path);
            assertFalse(r.body().contains(SECRET), path + " names the internal collection");
        }
    }

    @Test
    void signedInAccountsReadIt() throws Exception {
        String viewer = TestAccounts.basic(Role.VIEWER);
        assertTrue(get("/collections?f=json", viewer).body().contains(SECRET));
        HttpResponse<String> items = get("/collections/" + SECRET + "/items", viewer);
        assertEquals(200, items.statusCode(), items.body());
        long stored;
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM imported.test_internal_layer")) {
            rs.next();
            stored = rs.getLong(1);
        }
        assertTrue(items.body().contains("\"numberMatched\":" + stored), items.body());
        HttpResponse<byte[]> tile = TestServer.client().send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/collections/"
                + SECRET + "/tiles/WebMercatorQuad/" + TileMath.tileOf(109.505, 24.405, 14))).header("Authorization", viewer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, tile.statusCode());
    }

    /** Parameters that make each route's request valid, so that only the collection decides the answer. */
    private static List<String> queries(String path) {
        if (path.endsWith("/export")) return List.of("?format=geojson");
        if (path.endsWith("/diff")) return List.of("?from=1");
        if (path.endsWith("/items")) return List.of("", "?f=html", "?version=1", "?filter=name_zh%3D'x'");
        return List.of("");
    }

    private static String concrete(String template, String id) {
        return template.replace("{collectionId}", id).replace("{featureId}", "S1").replace("{styleId}", "default")
                .replace("{z}/{y}/{x}", TileMath.tileOf(109.505, 24.405, 14));
    }

    private static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return TestServer.send(b.build());
    }
}
