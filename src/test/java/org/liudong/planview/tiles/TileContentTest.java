package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liudong.planview.features.TestLayers;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;

/**
 * What a parcel tile holds, against PostGIS's own answer on the stored rows (not the tile SQL):
 * every parcel that covers a visible part of the tile is in it, and nothing lies outside the tile
 * with its buffer. Tiles at z14–z16 over the test layer's grid, inside it and across its edges.
 */
class TileContentTest {
    /** The tile buffer, as TileSql cuts it: 64 of 4096 units. */
    static final double BUFFER = 64.0 / 4096;

    @BeforeAll
    static void layer() {
        TestLayers.ensure();
    }

    /**
     * Ids of parcels meeting the tile (with {@code margin}) by at least {@code minArea} square tile
     * units, by ST_Intersection on the rows transformed here.
     */
    static Set<Long> ids(String zyx, double margin, double minUnits) throws Exception {
        String[] p = zyx.split("/");
        String sql = """
                WITH e AS (SELECT ST_TileEnvelope(?, ?, ?, margin => ?) AS env,
                                  (ST_XMax(ST_TileEnvelope(?, ?, ?)) - ST_XMin(ST_TileEnvelope(?, ?, ?))) / 4096 AS unit)
                SELECT id FROM test_fixture_parcel t, e
                WHERE ST_Intersects(ST_Transform(t.geom, 3857), e.env)
                  AND ST_Area(ST_Intersection(ST_Transform(t.geom, 3857), e.env)) >= ? * e.unit * e.unit""";
        Set<Long> ids = new TreeSet<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int z = Integer.parseInt(p[0]);
            int x = Integer.parseInt(p[2]);
            int y = Integer.parseInt(p[1]);
            ps.setInt(1, z);
            ps.setInt(2, x);
            ps.setInt(3, y);
            ps.setDouble(4, margin);
            for (int k = 0; k < 2; k++) {
                ps.setInt(5 + 3 * k, z);
                ps.setInt(6 + 3 * k, x);
                ps.setInt(7 + 3 * k, y);
            }
            ps.setDouble(11, minUnits);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @ParameterizedTest
    @CsvSource({"109.42, 24.37, 14", "109.40, 24.35, 14", "109.45, 24.41, 15", "109.4005, 24.3505, 15", "109.43, 24.38, 16",
            "109.4021, 24.3521, 16", "109.4975, 24.4235, 16"})
    void theTileHoldsExactlyTheParcelsThatMeetIt(double lon, double lat, int z) throws Exception {
        String zyx = TileMath.tileOf(lon, lat, z);
        HttpResponse<byte[]> r = TestServer.getBytes(TilesTest.TILES + "/" + zyx);
        java.util.List<Long> listed = java.util.List.of();
        if (r.statusCode() == 200) listed = MvtReader.layers(r.body()).get(0).featureIds();
        else assertEquals(204, r.statusCode());
        Set<Long> inTile = new HashSet<>(listed);
        assertEquals(listed.size(), inTile.size(), zyx + ": each parcel once");
        // Covering at least one square tile unit of the tile itself: visible, so it must be there.
        Set<Long> visible = ids(zyx, 0, 1);
        // Anything in the tile meets the tile with its buffer.
        Set<Long> possible = ids(zyx, BUFFER, 0);
        assertTrue(inTile.containsAll(visible), zyx + ": missing " + minus(visible, inTile));
        assertTrue(possible.containsAll(inTile), zyx + ": outside the buffered tile " + minus(inTile, possible));
        assertTrue(!visible.isEmpty(), zyx + ": the case meets the test grid");
    }

    private static Set<Long> minus(Set<Long> a, Set<Long> b) {
        Set<Long> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
