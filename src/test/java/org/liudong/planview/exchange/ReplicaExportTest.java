package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.App;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.db.Reads;
import org.liudong.planview.testing.TcpProxy;
import org.liudong.planview.testing.TestDatabase;

/**
 * Exports read on a read replica (issue 20): the replica here is the test database behind a TCP
 * proxy that makes every session read-only, as a hot standby's are, and counts the bytes it
 * serves; the primary is behind a second proxy, so the test sees which database each export read.
 * The files' features are checked against the primary's rows by SQL, and nothing may be left
 * behind (values' rows, scratch tables). The same on a real streaming replica: docs/deploy.md.
 */
class ReplicaExportTest {
    /** Chinese text with both kinds of quote and a question mark, a number, a polygon; with a bbox besides. */
    private static final String FILTER = "status IN ('已出让', '已储备') AND land_use_name <> '某某''s \"引号\"用地?' AND area_ha > 0.3"
            + " AND S_INTERSECTS(geometry, POLYGON((109.3 24.2, 109.8 24.2, 109.8 24.6, 109.3 24.6, 109.3 24.2)))";
    private static final String BBOX = "109.35,24.25,109.75,24.55";
    private static final String SQL = "SELECT id FROM land_parcel WHERE status IN ('已出让', '已储备') AND land_use_name <> '某某''s \"引号\"用地?'"
            + " AND area_ha > 0.3 AND ST_Intersects(geom, ST_GeomFromText('POLYGON((109.3 24.2, 109.8 24.2, 109.8 24.6, 109.3 24.6, 109.3 24.2))', 4490))"
            + " AND ST_Intersects(geom, ST_MakeEnvelope(109.35, 24.25, 109.75, 24.55, 4490))";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private static String url(int port) {
        DatabaseSettings real = TestDatabase.databaseSettings();
        String password = real.password() == null ? "" : ":" + URLEncoder.encode(real.password(), StandardCharsets.UTF_8);
        return "postgresql://" + URLEncoder.encode(real.user(), StandardCharsets.UTF_8) + password + "@127.0.0.1:" + port + "/" + real.database();
    }

    private static String query() {
        return "filter-lang=cql2-text&filter=" + URLEncoder.encode(FILTER, StandardCharsets.UTF_8) + "&bbox=" + BBOX;
    }

    private HttpResponse<byte[]> export(App app, String format, String lsn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/collections/land-parcels/export?format="
                + format + "&" + query()));
        if (lsn != null) b.header(Reads.HEADER, lsn);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void exportsReadOnTheReadOnlyReplicaAndAWritersExportOnThePrimary() throws Exception {
        DatabaseSettings real = TestDatabase.databaseSettings();
        TestDatabase.dataSource();
        try (TcpProxy replica = new TcpProxy(real.host(), real.port()).readOnly();
             TcpProxy primary = new TcpProxy(real.host(), real.port())) {
            int replicaPort = replica.start();
            int primaryPort = primary.start();
            // The replica takes no write, as a standby would not.
            try (Connection c = DriverManager.getConnection("jdbc:" + url(replicaPort).replace("postgresql://" + userInfo(real), "postgresql://"),
                    real.user(), real.password()); Statement st = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute("CREATE TEMP TABLE written_on_replica (i int)"));
                assertEquals("25006", refused.getSQLState(), refused.getMessage());
            }
            Set<Long> expected = ids();
            assertTrue(expected.size() >= 20, "the filter selects enough parcels to tell: " + expected.size());
            long insertsBefore = valueInserts();
            try (App app = App.start(TestDatabase.settings(Map.of("DATABASE_URL", url(primaryPort),
                    "PLANVIEW_READ_DATABASE_URLS", url(replicaPort), "PLANVIEW_READ_CHECK_MILLIS", "60000")))) {
                for (String format : new String[] {"shapefile", "gpkg"}) {
                    long replicaBefore = replica.bytesServed();
                    long primaryBefore = primary.bytesServed();
                    HttpResponse<byte[]> r = export(app, format, null);
                    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
                    long onReplica = replica.bytesServed() - replicaBefore;
                    long onPrimary = primary.bytesServed() - primaryBefore;
                    assertEquals(Long.toString(expected.size()), r.headers().firstValue("OGC-NumberMatched").orElse(null));
                    assertTrue(expected.equals(idsInFile(format, r.body())), format + ": the file's features are the primary's rows");
                    assertTrue(onReplica > 200L * expected.size(), format + ": the replica served the features: " + onReplica + " bytes");
                    assertTrue(onPrimary * 5 < onReplica, format + ": the primary served " + onPrimary + " bytes, the replica " + onReplica);
                }
                // Nested values: the related tables are read in the replica's snapshot too, and equal those read on the primary.
                long replicaBeforeNested = replica.bytesServed();
                Map<String, Long> nestedOnReplica = shapefileCounts(get(app, "/collections/projects/export?format=shapefile", null));
                assertTrue(replica.bytesServed() - replicaBeforeNested > 100_000, "the replica served the projects");
                Map<String, Long> nestedOnPrimary = shapefileCounts(get(app, "/collections/projects/export?format=shapefile",
                        ImportExportHttpTest.value("SELECT pg_current_wal_lsn()::text")));
                assertEquals(nestedOnPrimary, nestedOnReplica);
                assertEquals(Long.parseLong(ImportExportHttpTest.value("SELECT sum(jsonb_array_length(sources)) FROM project WHERE scope = 'liudong'")),
                        nestedOnReplica.get("sources.csv"), "one row per source of every project: " + nestedOnReplica);
                assertNothingLeft();
                assertTrue(awaitValueInserts(insertsBefore + 3), "each export's values went to the primary as a row");

                // An editor who has just written: their export reads on the primary until a replica has replayed the write.
                String lsn = ImportExportHttpTest.value("SELECT pg_current_wal_lsn()::text");
                long replicaBefore = replica.bytesServed();
                long primaryBefore = primary.bytesServed();
                HttpResponse<byte[]> own = export(app, "gpkg", lsn);
                assertEquals(200, own.statusCode(), new String(own.body(), StandardCharsets.UTF_8));
                assertEquals(0, replica.bytesServed() - replicaBefore, "the writer's export did not read on the replica");
                assertTrue(primary.bytesServed() - primaryBefore > 200L * expected.size(), "it read on the primary");
                assertTrue(expected.equals(idsInFile("gpkg", own.body())), "the writer's file holds the primary's rows");
                assertNothingLeft();
            }
        }
    }

    @Test
    void aReplicaLostMidExportFailsItWith503AndTheNextExportReadsOnThePrimary() throws Exception {
        DatabaseSettings real = TestDatabase.databaseSettings();
        TestDatabase.dataSource();
        try (TcpProxy replica = new TcpProxy(real.host(), real.port()).readOnly()) {
            int replicaPort = replica.start();
            try (App app = App.start(TestDatabase.settings(Map.of("PLANVIEW_READ_DATABASE_URLS", url(replicaPort),
                    "PLANVIEW_READ_CHECK_MILLIS", "60000")))) {
                // A slow link to the replica: the export is still reading when the replica goes.
                replica.slowDown(40);
                long before = replica.bytesServed();
                CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + app.port() + "/collections/land-parcels/export?format=geojson")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long deadline = System.currentTimeMillis() + 60_000;
                while (replica.bytesServed() - before < 64 * 1024 && !pending.isDone() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertFalse(pending.isDone(), "the export was still under way on the replica");
                replica.cut();
                HttpResponse<byte[]> failed = pending.get();
                String body = new String(failed.body(), StandardCharsets.UTF_8);
                assertEquals(503, failed.statusCode(), body);
                assertTrue(failed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), failed.headers().toString());
                assertFalse(body.contains("Exception") || body.contains("ogr2ogr") || body.contains("/tmp"), body);
                assertTrue(body.contains("read replica"), "says which database went away: " + body);
                assertTrue(failed.headers().firstValue("Retry-After").isPresent(), failed.headers().toString());
                assertNothingLeft();

                // The replica is gone: the next export reads on the primary, complete.
                HttpResponse<byte[]> next = export(app, "gpkg", null);
                assertEquals(200, next.statusCode(), new String(next.body(), StandardCharsets.UTF_8));
                assertTrue(ids().equals(idsInFile("gpkg", next.body())), "the file holds the primary's rows");
                assertNothingLeft();
            }
        }
    }

    private HttpResponse<byte[]> get(App app, String path, String lsn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (lsn != null) b.header(Reads.HEADER, lsn);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r;
    }

    /** The features of each file of a shapefile ZIP (the .shp files and the related .csv tables), as GDAL reads them. */
    private Map<String, Long> shapefileCounts(HttpResponse<byte[]> zip) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "zip");
        ExchangeFixtures.unzip(zip.body(), dir);
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".shp") || p.toString().endsWith(".csv") && !p.endsWith("fields.csv")).toList()) {
                counts.put(f.getFileName().toString(), OgrInfo.summary(f).get(0).features());
            }
        }
        return counts;
    }

    private static String userInfo(DatabaseSettings real) {
        String password = real.password() == null ? "" : ":" + URLEncoder.encode(real.password(), StandardCharsets.UTF_8);
        return URLEncoder.encode(real.user(), StandardCharsets.UTF_8) + password + "@";
    }

    private static Set<Long> ids() throws Exception {
        Set<Long> ids = new TreeSet<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        return ids;
    }

    private Set<Long> idsInFile(String format, byte[] body) throws Exception {
        Path dir = Files.createTempDirectory(tmp, format);
        Set<Long> ids = new TreeSet<>();
        if (format.equals("shapefile")) {
            ExchangeFixtures.unzip(body, dir);
            try (var files = Files.list(dir)) {
                for (Path shp : files.filter(p -> p.toString().endsWith(".shp")).toList()) collect(shp, ids);
            }
        } else {
            Path file = dir.resolve("export." + format);
            Files.write(file, body);
            collect(file, ids);
        }
        return ids;
    }

    /** The ids of a file's features as GDAL reads them; a feature twice would show as a count short of the set. */
    private static void collect(Path file, Set<Long> into) throws Exception {
        List<String> ids = OgrInfo.column(file, "id");
        for (String id : ids) assertTrue(into.add(Long.parseLong(id)), "feature " + id + " once only");
    }

    /** No export's values' row and no scratch table remain. */
    private static void assertNothingLeft() throws Exception {
        assertEquals("0", ImportExportHttpTest.value("SELECT count(*) FROM export_parameters"), "values' rows left");
        assertEquals("0", ImportExportHttpTest.value("SELECT count(*) FROM pg_tables WHERE schemaname = 'export_scratch'"), "scratch tables left");
    }

    private static long valueInserts() throws Exception {
        return Long.parseLong(ImportExportHttpTest.value("SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'export_parameters'"));
    }

    /** A backend that stays idle (a pooled connection) reports its statistics up to 10 s after the insert. */
    private static boolean awaitValueInserts(long atLeast) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (valueInserts() >= atLeast) return true;
            Thread.sleep(100);
        }
        return false;
    }
}
