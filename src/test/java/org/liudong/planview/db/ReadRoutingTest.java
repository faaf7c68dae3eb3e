package org.liudong.planview.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.testing.TcpProxy;
import org.liudong.planview.testing.TestDatabase;

/**
 * Reads to a read database, writes and a writer's next reads to the primary, a failing read
 * database out of rotation and back. The read database here is the test database itself reached
 * through a TCP proxy, so the proxy's byte count shows which reads it served; it is not a standby,
 * so reads that must see a write never go to it. The same with a real streaming replica and its
 * lag: the cluster benchmark (docs/benchmark.md).
 */
class ReadRoutingTest {
    private static final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static String url(int port) {
        DatabaseSettings real = TestDatabase.databaseSettings();
        String password = real.password() == null ? "" : ":" + URLEncoder.encode(real.password(), StandardCharsets.UTF_8);
        return "postgresql://" + URLEncoder.encode(real.user(), StandardCharsets.UTF_8) + password + "@127.0.0.1:" + port + "/" + real.database();
    }

    private HttpResponse<String> get(App app, String path, String lsn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (lsn != null) b.header(Reads.HEADER, lsn);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long parcelsInSql() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM land_parcel")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsGoToTheReplicaAndAWritersReadsToThePrimary() throws Exception {
        DatabaseSettings real = TestDatabase.databaseSettings();
        try (TcpProxy replica = new TcpProxy(real.host(), real.port())) {
            int port = replica.start();
            // One check at start, none during the test: the proxy then carries reads only.
            try (App app = App.start(TestDatabase.settings(Map.of("PLANVIEW_READ_DATABASE_URLS", url(port),
                    "PLANVIEW_READ_CHECK_MILLIS", "60000")))) {
                JsonNode health = json.readTree(get(app, "/health", null).body());
                JsonNode dbs = health.get("databases");
                assertEquals(2, dbs.size(), health.toString());
                assertEquals("primary", dbs.get(0).get("role").asText());
                assertEquals("replica", dbs.get(1).get("role").asText());
                assertTrue(dbs.get(1).get("inRotation").asBoolean(), health.toString());
                assertFalse(dbs.get(1).toString().contains(String.valueOf(real.password())), "no password in /health");

                String items = "/collections/land-parcels/items?limit=500";
                long before = replica.bytesServed();
                HttpResponse<String> anonymous = get(app, items, null);
                assertEquals(200, anonymous.statusCode(), anonymous.body());
                assertEquals(parcelsInSql(), json.readTree(anonymous.body()).get("numberMatched").asLong());
                long servedByReplica = replica.bytesServed() - before;
                assertTrue(servedByReplica > 50_000, "the replica served the page: " + servedByReplica + " bytes");

                // A write: the caller is told the primary's WAL position after it, at least where it was before.
                String walBefore;
                try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                    rs.next();
                    walBefore = rs.getString(1);
                }
                HttpResponse<String> wrote = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/web/prints"))
                        .header("Authorization", "Bearer " + TestDatabase.EDITOR_TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"map\",\"paper\":\"A4-landscape\",\"scale\":5000,\"layers\":[]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(204, wrote.statusCode(), wrote.body());
                String lsn = wrote.headers().firstValue(Reads.HEADER).orElseThrow();
                assertTrue(wrote.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Reads.COOKIE + "=" + lsn)),
                        wrote.headers().toString());
                assertTrue(sqlAtLeast(lsn, walBefore), lsn + " >= " + walBefore);

                long beforeOwn = replica.bytesServed();
                HttpResponse<String> own = get(app, items, lsn);
                assertEquals(200, own.statusCode(), own.body());
                assertEquals(parcelsInSql(), json.readTree(own.body()).get("numberMatched").asLong());
                assertEquals(0, replica.bytesServed() - beforeOwn, "the writer's read went to the primary");

                // The replica fails: reads fall back to the primary, none fails.
                replica.cut();
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> r = get(app, items, null);
                    assertEquals(200, r.statusCode(), r.body());
                }
                JsonNode after = json.readTree(get(app, "/health", null).body());
                assertEquals(200, get(app, "/health", null).statusCode());
                assertFalse(after.get("databases").get(1).get("inRotation").asBoolean(), after.toString());
                assertEquals("unreachable", after.get("databases").get(1).get("problem").asText(), after.toString());
            }
        }
    }

    @Test
    void aFailedReplicaComesBackWhenHealthy() throws Exception {
        DatabaseSettings real = TestDatabase.databaseSettings();
        try (TcpProxy replica = new TcpProxy(real.host(), real.port())) {
            int port = replica.start();
            try (App app = App.start(TestDatabase.settings(Map.of("PLANVIEW_READ_DATABASE_URLS", url(port),
                    "PLANVIEW_READ_CHECK_MILLIS", "100")))) {
                assertTrue(awaitReplica(app, r -> r.get("inRotation").asBoolean()));
                replica.cut();
                assertTrue(awaitReplica(app, r -> !r.get("inRotation").asBoolean() && !r.get("reachable").asBoolean()));
                replica.start();
                assertTrue(awaitReplica(app, r -> r.get("inRotation").asBoolean()), "back in rotation once reachable");
                long before = replica.bytesServed();
                assertEquals(200, get(app, "/collections/land-parcels/items?limit=200", null).statusCode());
                assertTrue(replica.bytesServed() - before > 10_000, "serving reads again");
            }
        }
    }

    private boolean awaitReplica(App app, Predicate<JsonNode> state) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode r = json.readTree(get(app, "/health", null).body()).get("databases").get(1);
            if (state.test(r)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean sqlAtLeast(String a, String b) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT ?::pg_lsn >= ?::pg_lsn")) {
            ps.setString(1, a);
            ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
