package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.testing.RepoPaths;
import org.liudong.planview.testing.TestDatabase;

/**
 * 100,000 parcels exported as a Shapefile by a server started with a 256 MB heap
 * ({@code -Xmx256m -XX:+ExitOnOutOfMemoryError}): the ZIP must hold every parcel. Heavy, so off
 * by default; run it with
 * {@code ./planview test -Dtest=LargeExportHeapTest -Dplanview.heavy=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "planview.heavy", matches = "true")
class LargeExportHeapTest {
    private static final int PARCELS = 100_000;

    @TempDir
    Path tmp;

    @Test
    void hundredThousandParcelsWithA256MbHeap() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS heavy_parcel");
            st.execute("""
                    CREATE TABLE heavy_parcel AS
                    SELECT n::bigint AS id, 'HP-' || lpad(n::text, 6, '0') AS parcel_code, '工业用地' AS land_use_name,
                           '柳东新区第' || n || '号地块' AS name_zh, (n % 97) * 0.37 AS area_ha,
                           ST_Multi(ST_MakeEnvelope(109.30 + (n % 400) * 0.001, 24.20 + (n / 400) * 0.001,
                                                    109.3009 + (n % 400) * 0.001, 24.2009 + (n / 400) * 0.001, 4490))::geometry(MultiPolygon, 4490) AS geom
                    FROM generate_series(1, PARCELS) n""".replace("PARCELS", Integer.toString(PARCELS)));
            st.execute("ALTER TABLE heavy_parcel ADD PRIMARY KEY (id)");
            st.execute("DELETE FROM collection WHERE id = 'heavy-parcels'");
            st.execute("INSERT INTO collection (id, table_name, title_zh, title_en, group_id) VALUES "
                    + "('heavy-parcels', 'heavy_parcel', '十万地块', '100k parcels', 'parcels')");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), "org.liudong.planview.App")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile());
        pb.environment().put("DATABASE_URL", System.getenv(TestDatabase.URL_VARIABLE));
        pb.environment().put("PLANVIEW_PORT", Integer.toString(port));
        pb.environment().put("PLANVIEW_GIS_DATA", RepoPaths.root().resolve("gis-data").toString());
        pb.environment().put("PLANVIEW_WEB_DIR", tmp.resolve("no-web").toString());
        Process server = pb.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + port;
            waitUntilHealthy(http, base, server);
            Path zip = tmp.resolve("heavy.zip");
            long t0 = System.nanoTime();
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(base + "/collections/heavy-parcels/export?format=shapefile"))
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofFile(zip));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(200, r.statusCode(), Files.readString(tmp.resolve("server.log")));
            assertTrue(server.isAlive(), "the server survived the export with 256 MB of heap");
            ExchangeFixtures.unzip(Files.readAllBytes(zip), tmp.resolve("out"));
            OgrInfo.Layer l = OgrInfo.summary(tmp.resolve("out/heavy-parcels.shp")).get(0);
            assertEquals(PARCELS, l.features());
            System.out.printf("exported %,d parcels with -Xmx256m in %.1f s, %,d bytes%n", PARCELS, seconds, Files.size(zip));
        } finally {
            server.destroy();
            server.waitFor();
            try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM collection WHERE id = 'heavy-parcels'");
                st.execute("DROP TABLE IF EXISTS heavy_parcel");
            }
        }
    }

    private static void waitUntilHealthy(HttpClient http, String base, Process server) throws Exception {
        for (int i = 0; i < 120; i++) {
            if (!server.isAlive()) throw new IllegalStateException("the server exited with " + server.exitValue());
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become healthy");
    }

}
