package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;

/**
 * The encoder on many rows straight from PostgreSQL: every feature's values read back with the
 * protobuf classes of mapbox-vector-tile-java equal what SQL says of its row — past the point where
 * a nearly unique column stops being looked up in the value dictionary — and the values a column
 * shares are written once.
 */
class TileEncoderTest {
    private static final int ROWS = 3000;

    /** Square i of 10 tile units at (i mod 300, i / 300 · 12), in tile units; a code unique per row, a kind of three. */
    private static final String ROWS_SQL = """
            SELECT ST_AsBinary(ST_MakeEnvelope(x, y, x + 10, y + 10)), false, i::bigint, 'P-' || i, k,
                   CASE WHEN i % 7 = 0 THEN NULL ELSE i / 4.0 END::float8, i % 2 = 0
            FROM (SELECT i, (i % 300) * 12 AS x, (i / 300) * 12 AS y,
                         (ARRAY['商业用地', '居住用地', '工业用地'])[1 + i % 3] AS k
                  FROM generate_series(1, ?) i) s ORDER BY i""";

    @Test
    void everyFeatureCarriesItsRowsValuesAndSharedValuesAreWrittenOnce() throws Exception {
        TileEncoder.Columns columns = new TileEncoder.Columns(List.of("id", "code", "kind", "area", "even"),
                List.of(TileValue.INTEGER, TileValue.TEXT, TileValue.TEXT, TileValue.DOUBLE, TileValue.BOOL), true);
        byte[] tile;
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(ROWS_SQL)) {
            ps.setInt(1, ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                tile = TileEncoder.encode("test", columns, TileSql.frame(0, 0, 0), rs, System.nanoTime() + 3_600_000_000_000L);
            }
        }
        VectorTile.Tile.Layer layer = VectorTile.Tile.parseFrom(tile).getLayers(0);
        assertEquals("test", layer.getName());
        assertEquals(4096, layer.getExtent());
        assertEquals(2, layer.getVersion());
        assertEquals(ROWS, layer.getFeaturesCount());
        for (VectorTile.Tile.Feature f : layer.getFeaturesList()) {
            long i = f.getId();
            Map<String, VectorTile.Tile.Value> values = new HashMap<>();
            for (int t = 0; t < f.getTagsCount(); t += 2) values.put(layer.getKeys(f.getTags(t)), layer.getValues(f.getTags(t + 1)));
            String what = "feature " + i + ": " + values;
            assertEquals(i, values.get("id").getUintValue(), what);
            assertEquals("P-" + i, values.get("code").getStringValue(), what);
            assertEquals(List.of("商业用地", "居住用地", "工业用地").get((int) (1 + i % 3) - 1), values.get("kind").getStringValue(), what);
            if (i % 7 == 0) assertFalse(values.containsKey("area"), "a null is left out: " + what);
            else assertEquals(i / 4.0, values.get("area").getDoubleValue(), 0.0, what);
            assertEquals(i % 2 == 0, values.get("even").getBoolValue(), what);
            assertEquals(VectorTile.Tile.GeomType.POLYGON, f.getType());
            // MoveTo(1), x, y, LineTo(3), three points, ClosePath: one square ring.
            assertEquals(11, f.getGeometryCount(), what);
        }
        long kinds = layer.getValuesList().stream().filter(v -> v.hasStringValue() && v.getStringValue().endsWith("用地")).count();
        long booleans = layer.getValuesList().stream().filter(VectorTile.Tile.Value::hasBoolValue).count();
        assertEquals(3, kinds, "the three kinds written once each");
        assertEquals(2, booleans, "true and false written once each");
        assertTrue(layer.getValuesCount() < 4 * ROWS, "values: " + layer.getValuesCount());
    }

    /**
     * Rows in metres are simplified to one tile unit as ST_Simplify did (at z0 a unit is ~9.8 km):
     * a line wiggling by a tenth of a unit becomes its two ends, a bend of five units stays, and a
     * ring narrower than a unit is left out.
     */
    @Test
    void rowsInMetresAreSimplifiedToOneTileUnit() throws Exception {
        TileEncoder.Columns columns = new TileEncoder.Columns(List.of("id"), List.of(TileValue.INTEGER), true);
        String sql = """
                SELECT ST_AsBinary(g), true, id::bigint FROM (VALUES
                  (1, (SELECT ST_MakeLine(array_agg(ST_MakePoint(-1e7 + i * 2e5, CASE WHEN i % 2 = 0 THEN 1000 ELSE -1000 END) ORDER BY i))
                       FROM generate_series(0, 100) i)),
                  (2, 'LINESTRING(-1e7 0, 0 50000, 1e7 0)'::geometry),
                  (3, 'POLYGON((0 0, 1e6 0, 1e6 3000, 0 3000, 0 0))'::geometry)) r(id, g) ORDER BY id""";
        byte[] tile;
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            tile = TileEncoder.encode("test", columns, TileSql.frame(0, 0, 0), rs, System.nanoTime() + 3_600_000_000_000L);
        }
        VectorTile.Tile.Layer layer = VectorTile.Tile.parseFrom(tile).getLayers(0);
        Map<Long, Integer> commands = new HashMap<>();
        for (VectorTile.Tile.Feature f : layer.getFeaturesList()) commands.put(f.getId(), f.getGeometryCount());
        assertEquals(Map.of(1L, 6, 2L, 8), commands, "MoveTo(1) x y LineTo(n) … per line; the sliver ring left out");
    }

    /** A read that comes in batches stops at its deadline, as PostgreSQL's cancelled query would (answered 503). */
    @Test
    void aReadPastItsDeadlineStopsAsACancelledQuery() throws Exception {
        TileEncoder.Columns columns = new TileEncoder.Columns(List.of("id", "code", "kind", "area", "even"),
                List.of(TileValue.INTEGER, TileValue.TEXT, TileValue.TEXT, TileValue.DOUBLE, TileValue.BOOL), true);
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(ROWS_SQL)) {
            ps.setInt(1, ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> TileEncoder.encode("test", columns, TileSql.frame(0, 0, 0), rs, System.nanoTime() - 1));
                assertTrue(org.liudong.planview.db.QueryLimit.cancelled(e), e.getSQLState());
            }
        }
    }

    @Test
    void noRowsIsAnEmptyTile() throws Exception {
        TileEncoder.Columns columns = new TileEncoder.Columns(List.of("id"), List.of(TileValue.INTEGER), true);
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT NULL::bytea, false, 1::bigint WHERE false");
             ResultSet rs = ps.executeQuery()) {
            assertEquals(0, TileEncoder.encode("test", columns, TileSql.frame(0, 0, 0), rs, System.nanoTime() + 3_600_000_000_000L).length);
        }
    }
}
