package org.liudong.planview.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TcpProxy;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * PostgreSQL goes away under a running server (a relay of the test's own between them is cut):
 * every route that needs the database answers a 503 problem with Retry-After that says the
 * database is unreachable — no pool internals, SQL or driver text — and every route works again,
 * by itself, once the relay is back.
 */
class DatabaseOutageTest {
    private static final ObjectMapper json = new ObjectMapper();
    /** What must never reach a caller: the pool's, the driver's or GDAL's words, SQL, server paths. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)hikari|connection is not available|total=|jdbc|psql|pgconnect|sqlstate|exception|org\\.|java\\.|"
                    + "select |insert |/tmp|/var/|/root|/home|127\\.0\\.0\\.1|port \\d+");
    private static final String NEW_LAYER = "outage-layer";
    private static final String GEOJSON = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"O1","name_zh":"停电测试"},"geometry":{"type":"Point","coordinates":[109.45,24.35]}}]}
            """;

    private static TcpProxy proxy;
    private static App app;
    private static String base;

    /** Routes that read the database on every request. */
    private static final List<String> READS = List.of(
            "/collections",
            "/collections/land-parcels/items?limit=5",
            "/collections/planning-zones/items/Z1",
            "/collections/land-parcels/items?filter=area_ha%20%3E%202&limit=3",
            "/collections/land-parcels/tiles/WebMercatorQuad/14/7048/13173",
            "/collections/projects/tiles/WebMercatorQuad/12/1762/3293",
            "/collections/planning-zones/export?format=geojson",
            "/collections/projects/export?format=shapefile",
            "/web/collections/land-parcels/totals?sum=area_ha",
            "/config.json",
            "/indicators",
            "/health");
    /** An id the catalogue does not know is looked up in the database before it is a 404. */
    private static final String UNKNOWN_COLLECTION = "/collections/no-such-layer/items";

    @BeforeAll
    static void startServerBehindRelay() throws Exception {
        TestServer.baseUrl();  // the database migrated and loaded
        DatabaseSettings real = TestDatabase.databaseSettings();
        proxy = new TcpProxy(real.host(), real.port());
        int port = proxy.start();
        DatabaseSettings viaProxy = new DatabaseSettings("127.0.0.1", port, real.database(), real.user(), real.password());
        app = App.start(TestDatabase.settings().withDatabase(viaProxy));
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) app.close();
        if (proxy != null) proxy.close();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM collection WHERE id = '" + NEW_LAYER + "'");
            st.execute("DELETE FROM exchange_import WHERE collection_id = '" + NEW_LAYER + "'");
            st.execute("DROP TABLE IF EXISTS imported.outage_layer");
        }
    }

    @Test
    void everyRouteAnswers503WhileTheDatabaseIsAwayAndRecoversAfter() throws Exception {
        for (String path : READS) assertServed(path, get(path));

        proxy.cut();
        for (String path : READS) assertUnavailable(path, get(path));
        assertUnavailable(UNKNOWN_COLLECTION, get(UNKNOWN_COLLECTION));
        assertUnavailable("import", importLayer());

        proxy.start();
        awaitHealthy();
        for (String path : READS) assertServed(path, get(path));
        assertEquals(404, get(UNKNOWN_COLLECTION).statusCode());
        HttpResponse<String> imported = importLayer();
        assertEquals(201, imported.statusCode(), imported.body());
        JsonNode items = json.readTree(get("/collections/" + NEW_LAYER + "/items").body());
        assertEquals(1, items.get("numberMatched").asInt());
    }

    private static void assertServed(String path, HttpResponse<String> r) {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, path + " → " + r.statusCode() + " " + r.body());
    }

    private static void assertUnavailable(String what, HttpResponse<String> r) throws Exception {
        assertEquals(503, r.statusCode(), what + ": " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], what);
        String retryAfter = r.headers().firstValue("Retry-After").orElse("");
        assertTrue(retryAfter.matches("\\d+"), what + ": Retry-After '" + retryAfter + "'");
        JsonNode body = json.readTree(r.body());
        assertEquals(503, body.get("status").asInt(), what);
        String detail = body.get("detail").asText();
        assertTrue(detail.contains("database"), what + ": " + detail);
        assertFalse(LEAK.matcher(r.body()).find(), what + " leaks: " + r.body());
    }

    private static void awaitHealthy() throws Exception {
        int status = 0;
        for (int i = 0; i < 120 && status != 200; i++) {
            status = get("/health").statusCode();
            if (status != 200) Thread.sleep(250);
        }
        assertEquals(200, status, "the server must find its database again by itself");
    }

    private static HttpResponse<String> importLayer() {
        return Upload.send("POST", base + "/collections", "停电.geojson", GEOJSON.getBytes(StandardCharsets.UTF_8),
                Map.of("id", NEW_LAYER, "title_zh", "停电测试"), "Bearer " + TestDatabase.EDITOR_TOKEN);
    }

    private static HttpResponse<String> get(String path) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        // Printed, not asserted (no timed tests): how long a caller waits for the answer.
        System.out.printf("%s → %d in %d ms%n", path, r.statusCode(), (System.nanoTime() - t0) / 1_000_000);
        return r;
    }
}
