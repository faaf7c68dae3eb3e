package org.liudong.planview.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.auth.Role;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.ChangeMarker;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.tiles.OverviewRefresher;

/**
 * Two servers on one database need nothing of each other's memory: a sign-in on one is good on
 * the other, the export and import slots are counted across both, the overview is rebuilt by
 * one of them at a time, and a layer replaced through one is served by the other with its new
 * columns and extent.
 */
class ServersShareStateTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static App second;

    @BeforeAll
    static void startSecondServer() {
        // No overview checks on this one: its catalogue checks alone must notice the other server's changes.
        second = App.start(TestDatabase.settings(Map.of("PLANVIEW_EXPORT_CONCURRENCY", "1", "PLANVIEW_OVERVIEW_CHECK_SECONDS", "86400")));
    }

    @AfterAll
    static void stopSecondServer() {
        if (second != null) second.close();
    }

    private static String secondUrl() {
        return "http://127.0.0.1:" + second.port();
    }

    @Test
    void aSignInOnOneServerIsGoodOnTheOther() throws Exception {
        TestAccounts.Session s = TestAccounts.signIn(TestServer.baseUrl(), TestAccounts.account(Role.VIEWER), TestAccounts.PASSWORD);
        assertEquals(200, s.response().statusCode(), s.response().body());
        HttpResponse<String> there = TestServer.send(HttpRequest.newBuilder(URI.create(secondUrl() + "/auth/session"))
                .header("Cookie", s.cookie()).build());
        assertEquals(200, there.statusCode(), there.body());
        assertEquals(TestAccounts.account(Role.VIEWER), json.readTree(there.body()).path("name").asText(), there.body());
    }

    @Test
    void exportSlotsAreCountedAcrossServers() throws Exception {
        // Another server's running export holds slot 0: the one slot this server allows is taken.
        Optional<JobSlots.Slot> elsewhere = JobSlots.exports(TestDatabase.databaseSettings(), 1).tryAcquire();
        assertTrue(elsewhere.isPresent());
        String export = secondUrl() + "/collections/planning-zones/export?format=geojson";
        try (JobSlots.Slot held = elsewhere.get()) {
            HttpResponse<String> busy = TestServer.send(HttpRequest.newBuilder(URI.create(export)).build());
            assertEquals(503, busy.statusCode(), busy.body());
            assertEquals("30", busy.headers().firstValue("Retry-After").orElse(""));
        }
        HttpResponse<String> free = TestServer.send(HttpRequest.newBuilder(URI.create(export)).build());
        assertEquals(200, free.statusCode(), free.body());
    }

    @Test
    void oneImportAtATimeAcrossServers() throws Exception {
        Optional<JobSlots.Slot> elsewhere = JobSlots.imports(TestDatabase.databaseSettings()).tryAcquire();
        assertTrue(elsewhere.isPresent());
        try (JobSlots.Slot held = elsewhere.get()) {
            String boundary = "----planview";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nnever-made\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"title_zh\"\r\n\r\n测试\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.geojson\"\r\nContent-Type: application/geo+json\r\n\r\n"
                    + "{\"type\":\"FeatureCollection\",\"features\":[]}\r\n--" + boundary + "--\r\n";
            for (String base : List.of(TestServer.baseUrl(), secondUrl())) {
                HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/collections"))
                        .header("Authorization", "Bearer " + TestDatabase.EDITOR_TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                assertEquals(503, r.statusCode(), base + ": " + r.body());
                assertTrue(r.body().contains("another import is running"), r.body());
            }
        }
    }

    @Test
    void aLayerChangedThroughOneServerIsServedAnewByTheOther() throws Exception {
        String id = "two-servers-" + System.nanoTime() % 1_000_000;
        String first = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"名称":"甲"},"geometry":{"type":"Point","coordinates":[109.40,24.30]}}]}""";
        String second = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"名称":"乙"},"geometry":{"type":"Point","coordinates":[109.55,24.45]}},
                 {"type":"Feature","properties":{"名称":"丙"},"geometry":{"type":"Point","coordinates":[109.60,24.50]}}]}""";
        HttpResponse<String> created = Upload.post("/collections", "甲.geojson", first.getBytes(StandardCharsets.UTF_8),
                Upload.fields("id", id, "title_zh", "两台服务器"));
        assertEquals(201, created.statusCode(), created.body());
        // The other server learns of it, and caches its extent.
        assertEquals(extentInSql(id)[2], extentOn(secondUrl(), id)[2], 1e-6);

        HttpResponse<String> replaced = Upload.put("/collections/" + id + "/items", "乙.geojson", second.getBytes(StandardCharsets.UTF_8),
                Upload.fields());
        assertEquals(200, replaced.statusCode(), replaced.body());
        double[] sql = extentInSql(id);
        assertEquals(109.60, sql[2], 1e-9, "the replaced rows are in the table");
        // Within a second or so (Catalog.STAMP_CHECK) the other server serves the new extent ...
        double[] there = eventually(() -> extentOn(secondUrl(), id), e -> Math.abs(e[2] - sql[2]) < 1e-6);
        for (int i = 0; i < 4; i++) assertEquals(sql[i], there[i], 1e-6, "the other server's extent, corner " + i);

        // ... and a layer made internal through one server is hidden by the other.
        TestAccounts.Session admin = TestAccounts.signIn(TestServer.baseUrl(), TestAccounts.account(Role.ADMIN), TestAccounts.PASSWORD);
        HttpResponse<String> internal = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/collections/" + id + "/access"))
                .header("Content-Type", "application/json").header("Cookie", admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"access\":\"internal\"}")).build());
        assertEquals(200, internal.statusCode(), internal.body());
        int hidden = eventually(() -> TestServer.send(HttpRequest.newBuilder(URI.create(secondUrl() + "/collections/" + id + "/items")).build())
                .statusCode(), status -> status == 404);
        assertEquals(404, hidden, "an anonymous caller of the other server no longer sees the internal layer");
    }

    /** The value once it passes the check, or the last one after ten seconds. */
    private static <T> T eventually(Callable<T> read, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T value = read.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = read.call();
        }
        return value;
    }

    /** {minLon, minLat, maxLon, maxLat} of the imported table, by PostGIS. */
    private static double[] extentInSql(String id) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM imported."
                     + id.replace('-', '_') + ") x")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        }
    }

    private static double[] extentOn(String base, String id) throws Exception {
        HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/collections/" + id + "?f=json")).build());
        assertEquals(200, r.statusCode(), r.body());
        var bbox = json.readTree(r.body()).at("/extent/spatial/bbox/0");
        return new double[] {bbox.get(0).asDouble(), bbox.get(1).asDouble(), bbox.get(2).asDouble(), bbox.get(3).asDouble()};
    }

    @Test
    void theOverviewIsRebuiltByOneServerAtATime() throws Exception {
        long markerBefore = ChangeMarker.of(TestDatabase.dataSource(), "land-parcels");
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE land_parcel SET status = status WHERE id = (SELECT min(id) FROM land_parcel)");
        }
        Catalog catalog = new Catalog(TestDatabase.dataSource());
        OverviewRefresher one = new OverviewRefresher(TestDatabase.dataSource(), catalog);
        OverviewRefresher other = new OverviewRefresher(TestDatabase.dataSource(), catalog);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rebuilt = both.invokeAll(List.<Callable<Integer>>of(one::refreshAll, other::refreshAll));
            int total = rebuilt.get(0).get() + rebuilt.get(1).get();
            // The servers' own refreshers may have got there first (0); never both of these (2).
            assertTrue(total <= 1, "rebuilt " + total + " times");
        } finally {
            both.shutdownNow();
        }
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM land_parcel_overview_state WHERE built_version IS DISTINCT FROM version")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the grid is current");
        }
        assertTrue(ChangeMarker.of(TestDatabase.dataSource(), "land-parcels") > markerBefore,
                "a rebuilt grid changes the low-zoom tiles, so their tags");
    }
}
