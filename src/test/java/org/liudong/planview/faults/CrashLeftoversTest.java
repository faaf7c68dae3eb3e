package org.liudong.planview.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.ServerProcess;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/**
 * A server killed in the middle of replacing a layer's data (its replace waiting on a lock this
 * test holds, so the moment is certain): the layer keeps its old data whole, and the staging
 * table and work files the dead server left are gone as soon as a new server starts — or, on a
 * server that was already running, at its next sweeps. A server's running import is never swept
 * by another server, however many sweeps pass.
 */
class CrashLeftoversTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final String LAYER = "crash-layer";
    private static final String TABLE = "imported.crash_layer";
    private static final int ORIGINAL = 200;
    private static final int REPLACEMENT = 150;

    @TempDir
    Path exchangeDir;

    @BeforeAll
    static void createLayer() {
        if (TestServer.get("/collections/" + LAYER).statusCode() == 200) return;
        HttpResponse<String> r = Upload.send("POST", TestServer.baseUrl() + "/collections", "crash.geojson", points(ORIGINAL, "原有"),
                Map.of("id", LAYER, "title_zh", "崩溃测试"), "Bearer " + TestDatabase.EDITOR_TOKEN);
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void aServerKilledMidImportLeavesTheOldDataWholeAndNothingAfterTheNextStart() throws Exception {
        String before = fingerprint();
        Set<String> tables;
        Set<Path> files;
        try (ServerProcess a = server(Map.of())) {
            try (Connection hold = holdLayer()) {
                Set<String> earlier = stagingTables();
                replaceThrough(a);
                awaitReplaceWaiting();
                tables = newSince(earlier);
                files = filesUnder(exchangeDir);
                // The database's directory (servers' directories sit below it) is not the import's.
                files.removeIf(p -> p.getParent().equals(exchangeDir));
                assertFalse(tables.isEmpty(), "the import has its staging table");
                assertFalse(files.isEmpty(), "the import has its work files");
                a.kill();
                hold.rollback();
            }
        }
        assertEquals(before, fingerprint(), "the replace died before its commit: the old data is whole");
        assertEquals(tables, existing(tables), "a killed server cleans nothing up itself");

        try (ServerProcess b = server(Map.of())) {
            assertEquals(Set.of(), existing(tables), "the new server drops the dead one's staging tables at start");
            assertEquals(Set.of(), existingFiles(files), "and removes its work files");
            assertEquals(before, fingerprint());
            HttpResponse<String> items = get(b, "/collections/" + LAYER + "/items?limit=1");
            assertEquals(count(), json.readTree(items.body()).get("numberMatched").asLong());
        }
    }

    @Test
    void aRunningImportIsSparedByOtherServersAndSweptByThemOnceItsServerDies() throws Exception {
        Map<String, String> sweepEverySecond = Map.of("PLANVIEW_WORK_SWEEP_SECONDS", "1");
        try (ServerProcess watcher = server(sweepEverySecond)) {
            Set<Path> beforeA = filesUnder(exchangeDir);
            try (ServerProcess a = server(Map.of())) {
                Set<Path> live = filesUnder(exchangeDir);
                Set<Path> ofA = new java.util.HashSet<>(live);
                ofA.removeAll(beforeA);
                assertFalse(ofA.isEmpty(), "a server has a work directory of its own");
                // 1. Another server starting (and sweeping at start) leaves the live servers' directories alone.
                try (ServerProcess late = server(Map.of())) {
                    assertEquals(live, existingFiles(live), "a live server's work directory is not another's to remove");
                }
                // 2. A's import waits on the lock while the watcher sweeps every second.
                CompletableFuture<HttpResponse<String>> replaced;
                try (Connection hold = holdLayer()) {
                    Set<String> before = stagingTables();
                    replaced = replaceThrough(a);
                    awaitReplaceWaiting();
                    Set<String> tables = newSince(before);
                    Set<Path> files = filesUnder(exchangeDir);
                    files.retainAll(within(ofA));
                    assertFalse(tables.isEmpty(), "the import has its staging table");
                    Thread.sleep(3_000);
                    assertEquals(tables, existing(tables), "a live server's staging table is not another's to drop");
                    assertEquals(files, existingFiles(files), "nor are its work files");
                    hold.rollback();
                }
                HttpResponse<String> done = replaced.get();
                assertEquals(200, done.statusCode(), done.body());
                assertEquals(REPLACEMENT, count());

                // 3. A second import of A's, killed mid-way: the watcher, already running, sweeps what A left.
                Set<String> tables;
                Set<Path> files;
                try (Connection hold = holdLayer()) {
                    Set<String> before = stagingTables();
                    replaceThrough(a);
                    awaitReplaceWaiting();
                    tables = newSince(before);
                    files = filesUnder(exchangeDir);
                    files.retainAll(within(ofA));
                    a.kill();
                    hold.rollback();
                }
                assertFalse(tables.isEmpty(), "the import had its staging table");
                assertEquals(REPLACEMENT, count(), "the killed replace left the data as the first one wrote it");
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && !(existing(tables).isEmpty() && existingFiles(files).isEmpty())) {
                    Thread.sleep(250);
                }
                assertEquals(Set.of(), existing(tables), "the running server's periodic sweep drops the dead one's staging tables");
                assertEquals(Set.of(), existingFiles(files), "and removes its work files");
            }
        }
        replaceThroughTestServer(ORIGINAL);
    }

    private ServerProcess server(Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("PLANVIEW_EXCHANGE_DIR", exchangeDir.toString());
        return ServerProcess.start(env);
    }

    /** Holds a SHARE lock on the layer's table: a replace's writing lock waits for it (up to its lock timeout, 10 s). */
    private static Connection holdLayer() throws SQLException {
        Connection c = TestDatabase.dataSource().getConnection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE " + TABLE + " IN SHARE MODE");
        }
        return c;
    }

    private static CompletableFuture<HttpResponse<String>> replaceThrough(ServerProcess server) {
        return CompletableFuture.supplyAsync(() -> Upload.send("PUT", server.baseUrl() + "/collections/" + LAYER + "/items",
                "replace.geojson", points(REPLACEMENT, "替换"), Map.of(), "Bearer " + TestDatabase.EDITOR_TOKEN));
    }

    private static void replaceThroughTestServer(int n) {
        HttpResponse<String> r = Upload.send("PUT", TestServer.baseUrl() + "/collections/" + LAYER + "/items", "restore.geojson",
                points(n, "原有"), Map.of(), "Bearer " + TestDatabase.EDITOR_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
    }

    /**
     * Until the replace waits on the lock — at its first write to the layer (the lock that keeps
     * the old version, or its DELETE): staged, in its transaction, not committed. Only this run's
     * database counts: another test run on the same PostgreSQL has its own crash_layer.
     */
    private static void awaitReplaceWaiting() throws Exception {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%crash_layer%'"
                + " AND (query LIKE 'DELETE FROM %' OR query LIKE 'LOCK TABLE %')";
        for (int i = 0; i < 300; i++) {
            try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                if (rs.getInt(1) > 0) return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replace never reached its first write");
    }

    private static Set<String> stagingTables() throws SQLException {
        return queryStrings("SELECT tablename FROM pg_tables WHERE schemaname = 'import_staging'");
    }

    private static Set<String> newSince(Set<String> before) throws SQLException {
        Set<String> now = stagingTables();
        now.removeAll(before);
        return now;
    }

    private static Set<String> existing(Set<String> tables) throws SQLException {
        return stagingTables().stream().filter(tables::contains).collect(Collectors.toSet());
    }

    private static Set<Path> filesUnder(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).collect(Collectors.toSet());
        }
    }

    /** {@code dirs} and everything below them, as they are now. */
    private static Set<Path> within(Set<Path> dirs) throws Exception {
        Set<Path> all = new java.util.HashSet<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) all.addAll(filesUnder(d));
            all.add(d);
        }
        return all;
    }

    private static Set<Path> existingFiles(Set<Path> files) {
        return files.stream().filter(Files::exists).collect(Collectors.toSet());
    }

    private static String fingerprint() throws SQLException {
        return queryStrings("SELECT count(*) || ' ' || md5(string_agg(id::text || ' ' || name_zh || ' ' || ST_AsText(geom), ',' ORDER BY id)) FROM "
                + TABLE).iterator().next();
    }

    private static long count() throws SQLException {
        return Long.parseLong(queryStrings("SELECT count(*) FROM " + TABLE).iterator().next());
    }

    private static Set<String> queryStrings(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            Set<String> out = new java.util.HashSet<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }

    private static HttpResponse<String> get(ServerProcess server, String path) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build());
    }

    /** {@code n} points in Liudong, each with a Chinese name. */
    private static byte[] points(int n, String name) {
        String features = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> "{\"type\":\"Feature\",\"properties\":{\"id\":\"P" + i + "\",\"name_zh\":\"" + name + i + "\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + (109.40 + i * 0.001) + "," + (24.30 + i * 0.0005) + "]}}")
                .collect(Collectors.joining(",\n"));
        return ("{\"type\":\"FeatureCollection\",\"features\":[\n" + features + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
