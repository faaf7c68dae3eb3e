package org.liudong.planview.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.tiles.OverviewRefresher;

/**
 * Two servers on one database need nothing of each other's memory: a sign-in on one is good on
 * the other, the export and import slots are counted across both, and the overview is rebuilt by
 * one of them at a time.
 */
class ServersShareStateTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static App second;

    @BeforeAll
    static void startSecondServer() {
        second = App.start(TestDatabase.settings(Map.of("PLANVIEW_EXPORT_CONCURRENCY", "1")));
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
