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
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;

/**
 * A query past PLANVIEW_QUERY_TIMEOUT_SECONDS is cancelled in PostgreSQL and answered 503
 * problem+json — items, tiles and the web map's totals alike — and the server goes on answering.
 * The slow layer is a view whose one column sleeps 0.3 s per row it is computed for.
 */
class QueryTimeLimitTest {
    private static final String SETTING = "PLANVIEW_QUERY_TIMEOUT_SECONDS";
    private static final ObjectMapper json = new ObjectMapper();
    private static final String SLOW = "test-slow";

    @BeforeAll
    static void slowLayer() throws Exception {
        TestLayers.ensure();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION test_slow_value(n bigint) RETURNS bigint LANGUAGE sql VOLATILE "
                    + "AS 'SELECT n FROM pg_sleep(0.3)'");
            st.execute("CREATE OR REPLACE VIEW test_slow_parcel AS SELECT id, code, test_slow_value(id) AS slow, geom "
                    + "FROM test_fixture_parcel");
            st.execute("DELETE FROM collection WHERE id = '" + SLOW + "'");
            st.execute("""
                    INSERT INTO collection (id, table_name, id_column, title_zh, title_en, group_id, tile_min_zoom,
                                            tile_properties, sort_order)
                    VALUES ('test-slow', 'test_slow_parcel', 'id', '慢图层', 'Slow layer', 'parcels', 5, ARRAY['slow'], 99)""");
        }
    }

    @AfterAll
    static void dropSlowLayer() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM collection WHERE id = '" + SLOW + "'");
            st.execute("DROP VIEW IF EXISTS test_slow_parcel");
            st.execute("DROP FUNCTION IF EXISTS test_slow_value(bigint)");
        }
    }

    @Test
    void slowQueriesAreCancelledAndAnswered503() throws Exception {
        try (App app = App.start(TestDatabase.settings(Map.of(SETTING, "1")))) {
            String base = "http://127.0.0.1:" + app.port();

            // 20 rows at 0.3 s each: 6 s of work against a 1 s limit.
            assertTooLong(base + "/collections/" + SLOW + "/items?limit=20");
            assertTooLong(base + "/collections/" + SLOW + "/tiles/WebMercatorQuad/" + TileMath.tileOf(109.41, 24.36, 12));
            assertTooLong(base + "/web/collections/" + SLOW + "/totals?filter-lang=cql2-text&filter="
                    + URLEncoder.encode("slow > 0", StandardCharsets.UTF_8));

            // One row is well inside the limit, and the server is still there after three cancels.
            HttpResponse<String> one = send(base + "/collections/" + SLOW + "/items/5");
            assertEquals(200, one.statusCode(), one.body());
            assertEquals(5, json.readTree(one.body()).path("properties").path("slow").asLong());
        }
    }

    @Test
    void theLimitIsASettingWithBounds() {
        assertEquals(30, TestDatabase.settings().pool().queryTimeoutSeconds(), "default");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> TestDatabase.settings(Map.of(SETTING, "0")));
        assertTrue(e.getMessage().contains(SETTING), e.getMessage());
    }

    private static void assertTooLong(String url) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(url);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(503, r.statusCode(), url + " → " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], url);
        JsonNode p = json.readTree(r.body());
        assertEquals(503, p.path("status").asInt());
        assertTrue(p.path("detail").asText().contains("too long"), r.body());
        // Cancelled, not run to the end (that would take 6 s and more).
        assertTrue(seconds < 5, url + " took " + seconds + " s");
    }

    private static HttpResponse<String> send(String url) throws Exception {
        return TestServer.client().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
