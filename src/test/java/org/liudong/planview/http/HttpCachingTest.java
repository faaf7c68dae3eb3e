package org.liudong.planview.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * Tiles and items as an HTTP cache sees them: public data stored by shared caches for a short
 * while, internal data never; a weak ETag that a revalidation is answered by (304), that an
 * import replacing the data changes, and that differs between representations.
 */
class HttpCachingTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final String WEAK_TAG = "W/\"\\d+-[0-9a-f]{12}\"";

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return TestServer.send(b.build());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private static String square(String id, double x) {
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + id + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
                + x + ",24.40],[" + (x + 0.01) + ",24.40],[" + (x + 0.01) + ",24.41],[" + x + ",24.41],[" + x + ",24.40]]]}}";
    }

    private static byte[] layer(String... features) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static long rowsInSql(String table) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM imported." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void publicTilesAndItemsAreSharedAndRevalidated() {
        String tile = "/collections/land-parcels/tiles/WebMercatorQuad/12/1761/3293";
        for (String path : new String[] {tile, "/collections/land-parcels/items?limit=5"}) {
            HttpResponse<String> first = get(path, "Accept-Encoding", "identity");
            assertTrue(first.statusCode() == 200 || first.statusCode() == 204, path + ": " + first.statusCode());
            assertEquals("public, max-age=60", header(first, "Cache-Control"), path);
            String etag = header(first, "ETag");
            assertTrue(etag.matches(WEAK_TAG), path + ": " + etag);
            String vary = header(first, "Vary").toLowerCase(Locale.ROOT);
            assertTrue(vary.contains("accept-encoding"), vary);
            assertFalse(vary.contains("cookie") || vary.contains("authorization"), "public: the same for everyone: " + vary);

            HttpResponse<String> again = get(path, "Accept-Encoding", "identity", "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(etag, header(again, "ETag"));
            assertEquals("public, max-age=60", header(again, "Cache-Control"));
            // The strong form of the same tag matches too (weak comparison), another tag does not.
            assertEquals(304, get(path, "Accept-Encoding", "identity", "If-None-Match", "\"x\", " + etag.substring(2)).statusCode());
            assertNotEquals(304, get(path, "Accept-Encoding", "identity", "If-None-Match", "W/\"1-000000000000\"").statusCode());
        }
        assertTrue(header(get("/collections/land-parcels/items?limit=5"), "Vary").contains("Accept"), "items are negotiated by Accept");
    }

    @Test
    void representationsHaveTheirOwnTags() {
        String items = "/collections/land-parcels/items?limit=5";
        String asJson = header(get(items, "Accept", "application/geo+json"), "ETag");
        String asHtml = header(get(items, "Accept", "text/html"), "ETag");
        assertNotEquals(asJson, asHtml);
        String tile = "/collections/land-parcels/tiles/WebMercatorQuad/12/1761/3293";
        assertNotEquals(header(get(tile, "Accept-Encoding", "identity"), "ETag"), header(get(tile, "Accept-Encoding", "gzip"), "ETag"));
    }

    @Test
    void internalDataIsNeverStoredBySharedCaches() {
        String id = "cache-internal-" + Long.toHexString(System.nanoTime());
        HttpResponse<String> made = Upload.post("/collections", "内部.geojson", layer(square("a", 109.50)),
                Upload.fields("id", id, "title_zh", "内部", "access", "internal"));
        assertEquals(201, made.statusCode(), made.body());
        String signedIn = "Bearer " + TestDatabase.EDITOR_TOKEN;
        for (String path : new String[] {"/collections/" + id + "/items", "/collections/" + id + "/tiles/WebMercatorQuad/12/1761/3293"}) {
            HttpResponse<String> r = get(path, "Authorization", signedIn);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 204, path + ": " + r.statusCode() + " " + r.body());
            assertEquals("private, no-cache", header(r, "Cache-Control"), path);
            String vary = header(r, "Vary");
            assertTrue(vary.contains("Authorization") && vary.contains("Cookie"), vary);
            assertEquals(404, get(path).statusCode(), "not there for a visitor");
        }
    }

    @Test
    void anImportChangesTheTags() throws Exception {
        String id = "cache-probe-" + Long.toHexString(System.nanoTime());
        HttpResponse<String> made = Upload.post("/collections", "probe.geojson", layer(square("a", 109.50)),
                Upload.fields("id", id, "title_zh", "缓存探针"));
        assertEquals(201, made.statusCode(), made.body());
        String items = "/collections/" + id + "/items";
        HttpResponse<String> before = get(items);
        assertEquals(1, json.readTree(before.body()).get("numberMatched").asLong());
        String tag = header(before, "ETag");
        assertEquals(304, get(items, "If-None-Match", tag).statusCode(), "unchanged data: not modified");

        HttpResponse<String> replaced = Upload.put(items, "probe.geojson", layer(square("a", 109.50), square("b", 109.52)), Upload.fields());
        assertEquals(200, replaced.statusCode(), replaced.body());
        HttpResponse<String> after = get(items, "If-None-Match", tag);
        assertEquals(200, after.statusCode(), "the import changed the tag: the cached copy is not current");
        assertNotEquals(tag, header(after, "ETag"));
        assertEquals(rowsInSql(id.replace('-', '_')), json.readTree(after.body()).get("numberMatched").asLong());
    }

    @Test
    void failuresAreNotStored() {
        HttpResponse<String> bad = get("/collections/land-parcels/items?limit=nope");
        assertEquals(400, bad.statusCode());
        assertEquals("no-store", header(bad, "Cache-Control"));
        assertFalse(header(bad, "ETag").startsWith("W/"), "no validator for a failure");
    }

    /** Who may share: only what anyone may read unrecorded. */
    @Test
    void sharedOnlyWhenAnyoneMayReadItUnrecorded() {
        assertTrue(new HttpCache(true, false, 60).shared(false));
        assertFalse(new HttpCache(true, false, 60).shared(true), "internal");
        assertFalse(new HttpCache(false, false, 60).shared(false), "everyone must sign in");
        assertFalse(new HttpCache(true, true, 60).shared(false), "public reads are audited: each must reach the server");
        assertTrue(HttpCache.matches("W/\"1-a\"", "W/\"1-a\""));
        assertTrue(HttpCache.matches("*", "W/\"1-a\""));
        assertFalse(HttpCache.matches("W/\"1-b\"", "W/\"1-a\""));
    }
}
