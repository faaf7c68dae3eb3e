package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.App;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.auth.Role;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.config.TileCacheSettings;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestAccounts;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;

/**
 * The tile cache: a tile is cut once and then served from the cache (X-Tile-Cache: hit), an import
 * or any change of the table is seen at once, the cache outlives the server, keeps to its bound,
 * serves internal layers' tiles only to those who may see them, and can be seeded. Tile contents
 * are checked against the layer's rows read with plain SQL.
 */
class TileCacheTest {
    static final String ID = "test-tile-cache";
    static final String INTERNAL = "test-tile-cache-internal";
    static final String TABLE = "imported.test_tile_cache";
    static final String TILE = TileMath.tileOf(109.505, 24.405, 14);

    static String layer(int... ids) {
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < ids.length; i++) {
            double x = 109.500 + ids[i] * 0.002;
            if (i > 0) s.append(',');
            s.append(String.format(java.util.Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"id\":%d,\"name_zh\":\"地块%d\"},"
                    + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,24.400],[%.4f,24.400],[%.4f,24.404],[%.4f,24.404],"
                    + "[%.4f,24.400]]]}}", ids[i], ids[i], x, x + 0.0015, x + 0.0015, x, x));
        }
        return s.append("]}").toString();
    }

    @BeforeAll
    static void layers() {
        synchronized (TileCacheTest.class) {
            if (new Catalog(TestDatabase.dataSource()).find(ID).isEmpty()) {
                HttpResponse<String> r = Upload.post("/collections", "缓存.geojson", layer(1, 2, 3).getBytes(StandardCharsets.UTF_8),
                        Upload.fields("id", ID, "title_zh", "缓存测试", "title_en", "Cache test"));
                assertEquals(201, r.statusCode(), r.body());
            }
            if (new Catalog(TestDatabase.dataSource()).find(INTERNAL).isEmpty()) {
                HttpResponse<String> r = Upload.post("/collections", "内部缓存.geojson", layer(1, 2).getBytes(StandardCharsets.UTF_8),
                        Upload.fields("id", INTERNAL, "title_zh", "内部缓存", "title_en", "Internal cache test", "access", "internal"));
                assertEquals(201, r.statusCode(), r.body());
            }
        }
    }

    static HttpResponse<byte[]> get(String base, String id, String tile, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/collections/" + id + "/tiles/WebMercatorQuad/" + tile));
        if (authorization != null) b.header("Authorization", authorization);
        return TestServer.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String id, String tile) throws Exception {
        return get(TestServer.baseUrl(), id, tile, null);
    }

    static String cacheState(HttpResponse<?> r) {
        return r.headers().firstValue(TileRoutes.CACHE_HEADER).orElse("(none)");
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    static long scalar(String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The layer's ids whose geometry meets the tile, by PostGIS on the stored rows: what the tile must hold. */
    static Set<Long> idsInTile(String table, String tile) throws SQLException {
        String[] zyx = tile.split("/");
        Set<Long> ids = new HashSet<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM " + table + " WHERE ST_Intersects(geom, ST_Transform(ST_TileEnvelope(?, ?, ?), ST_SRID(geom)))")) {
            ps.setInt(1, Integer.parseInt(zyx[0]));
            ps.setInt(2, Integer.parseInt(zyx[2]));
            ps.setInt(3, Integer.parseInt(zyx[1]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static Set<Long> tileIds(byte[] tile) {
        return new HashSet<>(MvtReader.layers(tile).get(0).featureIds());
    }

    @Test
    void theSameTileTwiceIsCutOnce() throws Exception {
        sql("DELETE FROM tile_cache WHERE collection_id = '" + ID + "'");
        HttpResponse<byte[]> first = get(ID, TILE);
        assertEquals(200, first.statusCode());
        assertEquals("miss", cacheState(first));
        HttpResponse<byte[]> second = get(ID, TILE);
        assertEquals(200, second.statusCode());
        assertEquals("hit", cacheState(second));
        assertArrayEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("ETag").orElseThrow(), second.headers().firstValue("ETag").orElseThrow());
        assertEquals(1, scalar("SELECT count(*) FROM tile_cache WHERE collection_id = '" + ID + "'"));
        // Gzip from the cache is the same tile.
        HttpResponse<byte[]> gz = TestServer.client().send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/collections/" + ID
                + "/tiles/WebMercatorQuad/" + TILE)).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("hit", cacheState(gz));
        assertArrayEquals(first.body(), TileBytes.gunzip(gz.body()));
        assertEquals(idsInTile(TABLE, TILE), tileIds(second.body()));
    }

    @Test
    void anImportOrAnyChangeOfTheTableChangesTheTile() throws Exception {
        get(ID, TILE);
        assertEquals("hit", cacheState(get(ID, TILE)));
        HttpResponse<String> replaced = Upload.put("/collections/" + ID + "/items", "缓存2.geojson",
                layer(1, 4).getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(200, replaced.statusCode(), replaced.body());
        HttpResponse<byte[]> after = get(ID, TILE);
        assertEquals("miss", cacheState(after), "an import invalidates the collection's tiles");
        assertEquals(Set.of(1L, 4L), idsInTile(TABLE, TILE));
        assertEquals(idsInTile(TABLE, TILE), tileIds(after.body()));
        assertEquals("hit", cacheState(get(ID, TILE)));
        // The version before the import is cut from its kept rows, and not cached.
        HttpResponse<byte[]> past = get(ID, TILE + "?version=1");
        assertEquals(200, past.statusCode());
        assertEquals("bypass", cacheState(past));
        assertEquals(Set.of(1L, 2L, 3L), tileIds(past.body()));
        // A change behind the server's back (psql) is seen too, in the same way.
        sql("DELETE FROM " + TABLE + " WHERE id = 4");
        HttpResponse<byte[]> deleted = get(ID, TILE);
        assertEquals("miss", cacheState(deleted));
        assertEquals(Set.of(1L), tileIds(deleted.body()));
        assertEquals(idsInTile(TABLE, TILE), tileIds(deleted.body()));
        // Back to three parcels for the other tests.
        assertEquals(200, Upload.put("/collections/" + ID + "/items", "缓存3.geojson", layer(1, 2, 3).getBytes(StandardCharsets.UTF_8),
                Map.of()).statusCode());
        assertEquals(Set.of(1L, 2L, 3L), tileIds(get(ID, TILE).body()));
    }

    @Test
    void theCacheOutlivesTheServer() throws Exception {
        get(ID, TILE);
        byte[] cached = get(ID, TILE).body();
        App restarted = App.start(TestDatabase.settings());
        try {
            HttpResponse<byte[]> r = get("http://127.0.0.1:" + restarted.port(), ID, TILE, null);
            assertEquals("hit", cacheState(r), "a new server reads the tiles its predecessor cut");
            assertArrayEquals(cached, r.body());
        } finally {
            restarted.close();
        }
    }

    @Test
    void theCacheKeepsToItsBound() throws Exception {
        long bound = 40_000;
        var ds = TestDatabase.dataSource();
        TileCache small = new TileCache(ds, new TileCacheSettings(bound));
        CollectionInfo c = new Catalog(ds).require(ID, Caller.SYSTEM);
        Random random = new Random(19);
        int z = 20;
        for (int i = 0; i < 40; i++) {
            byte[] incompressible = new byte[2_900];
            random.nextBytes(incompressible);
            TileCache.Lookup l = small.lookup(c, z, i, 0);
            assertTrue(l.cacheable());
            small.store(l, c, z, i, 0, "e" + i, incompressible);
            long held = scalar("SELECT COALESCE(sum(bytes), 0) FROM tile_cache");
            assertTrue(held <= bound, "after tile " + i + " the cache holds " + held + " bytes, bound " + bound);
        }
        assertTrue(scalar("SELECT count(*) FROM tile_cache WHERE collection_id = '" + ID + "' AND z = 20 AND x = 39") == 1,
                "the newest tile stays");
        assertEquals(0, scalar("SELECT count(*) FROM tile_cache WHERE collection_id = '" + ID + "' AND z = 20 AND x = 0"),
                "the least recently used tile went");
        sql("DELETE FROM tile_cache WHERE collection_id = '" + ID + "' AND z = 20");
    }

    @Test
    void internalTilesAreServedOnlyToThoseWhoMaySeeThem() throws Exception {
        String viewer = TestAccounts.basic(Role.VIEWER);
        HttpResponse<byte[]> first = get(TestServer.baseUrl(), INTERNAL, TILE, viewer);
        assertEquals(200, first.statusCode());
        assertEquals("hit", cacheState(get(TestServer.baseUrl(), INTERNAL, TILE, viewer)));
        HttpResponse<byte[]> anonymous = get(TestServer.baseUrl(), INTERNAL, TILE, null);
        assertEquals(404, anonymous.statusCode());
        assertFalse(anonymous.headers().firstValue(TileRoutes.CACHE_HEADER).isPresent());
        assertFalse(new String(anonymous.body(), StandardCharsets.UTF_8).contains("地块"));
    }

    @Test
    void aSeedCutsTheAreaOnceAndTheServerServesIt() throws Exception {
        var ds = TestDatabase.dataSource();
        sql("DELETE FROM tile_cache WHERE collection_id = '" + ID + "'");
        double[] box = {109.499, 24.399, 109.510, 24.405};
        TileSeedCommand.Result first = TileSeedCommand.seed(ds, new Catalog(ds), new TileCacheSettings(64L << 20), new QueryLimit(30),
                ID, 14, 16, box, 2);
        assertTrue(first.cut() >= 3, "tiles cut: " + first);
        assertEquals(0, first.alreadyCached());
        assertEquals(first.total(), scalar("SELECT count(*) FROM tile_cache WHERE collection_id = '" + ID + "'"));
        TileSeedCommand.Result again = TileSeedCommand.seed(ds, new Catalog(ds), new TileCacheSettings(64L << 20), new QueryLimit(30),
                ID, 14, 16, box, 2);
        assertEquals(first.total(), again.alreadyCached(), "a second seed cuts nothing");
        HttpResponse<byte[]> served = get(ID, TileMath.tileOf(109.5025, 24.402, 16));
        assertEquals("hit", cacheState(served));
        assertEquals(idsInTile(TABLE, TileMath.tileOf(109.5025, 24.402, 16)), tileIds(served.body()));
    }
}
