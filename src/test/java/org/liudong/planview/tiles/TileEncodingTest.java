package org.liudong.planview.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liudong.planview.features.TestLayers;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Tiles cut from the rows are encoded in Java (TileEncoder) from what PostGIS returns in tile
 * units; this checks them against PostGIS encoding the same rows itself — ST_AsMVT of
 * ST_AsMVTGeom, clipped and made valid by Wagyu, the way the server cut tiles before: the same
 * features, the same property values with the same MVT value types, and per feature the same
 * geometry type and area (lines: length; points: the points). The tiles are read back with the
 * MVT 2.1 ring rule (an exterior ring has positive area in tile space), so a ring wound the wrong
 * way would be taken for a hole and its area would not match.
 */
class TileEncodingTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final String SHAPES = "test-shapes";
    /** The z15 tile the shapes are drawn around (tile-relative, so some cross its edges). */
    private static final String SHAPE_TILE = TileMath.tileOf(109.45, 24.40, 15);

    @BeforeAll
    static void layers() throws Exception {
        TestLayers.ensure();
        String[] zyx = SHAPE_TILE.split("/");
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS test_fixture_shape");
            st.execute("CREATE TABLE test_fixture_shape (id bigint PRIMARY KEY, kind text NOT NULL, weight real, "
                    + "geom geometry(Geometry, 4490) NOT NULL)");
            // Shapes in fractions (u, v) of the tile, v upwards from its bottom edge; the buffer is 64/4096 = 0.0156.
            String[][] shapes = {
                    {"1", "hole inside", "POLYGON((0.1 0.1,0.3 0.1,0.3 0.3,0.1 0.3,0.1 0.1),(0.15 0.15,0.15 0.25,0.25 0.25,0.25 0.15,0.15 0.15))"},
                    {"2", "hole across the right edge", "POLYGON((0.9 0.4,1.1 0.4,1.1 0.6,0.9 0.6,0.9 0.4),(0.95 0.45,0.95 0.55,1.05 0.55,1.05 0.45,0.95 0.45))"},
                    {"3", "U across the bottom edge", "POLYGON((0.4 -0.2,0.6 -0.2,0.6 0.1,0.55 0.1,0.55 -0.1,0.45 -0.1,0.45 0.1,0.4 0.1,0.4 -0.2))"},
                    {"4", "two squares", "MULTIPOLYGON(((0.5 0.1,0.55 0.1,0.55 0.15,0.5 0.15,0.5 0.1)),((0.6 0.1,0.65 0.1,0.65 0.15,0.6 0.15,0.6 0.1)))"},
                    {"5", "clockwise square", "POLYGON((0.7 0.1,0.7 0.2,0.8 0.2,0.8 0.1,0.7 0.1))"},
                    {"6", "line across the right edge", "LINESTRING(0.5 0.5,0.8 0.55,1.5 0.7)"},
                    {"7", "point", "POINT(0.7 0.7)"},
                    {"8", "points in and out", "MULTIPOINT((0.8 0.8),(1.5 1.5))"},
                    {"9", "polygon and point", "GEOMETRYCOLLECTION(POLYGON((0.3 0.5,0.35 0.5,0.35 0.55,0.3 0.55,0.3 0.5)),POINT(0.32 0.7))"},
                    {"10", "across the top-left corner", "POLYGON((-0.1 0.9,0.1 0.9,0.1 1.1,-0.1 1.1,-0.1 0.9))"}};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO test_fixture_shape SELECT ?, ?, ?::real / 4, "
                    + "ST_Transform(ST_Affine(ST_GeomFromText(?, 3857), s, 0, 0, s, ST_XMin(e), ST_YMin(e)), 4490) "
                    + "FROM (SELECT ST_TileEnvelope(?, ?, ?) e) b, LATERAL (SELECT ST_XMax(e) - ST_XMin(e) AS s) k")) {
                for (String[] s : shapes) {
                    ps.setLong(1, Long.parseLong(s[0]));
                    ps.setString(2, s[1]);
                    ps.setInt(3, Integer.parseInt(s[0]));
                    ps.setString(4, s[2]);
                    ps.setInt(5, Integer.parseInt(zyx[0]));
                    ps.setInt(6, Integer.parseInt(zyx[2]));
                    ps.setInt(7, Integer.parseInt(zyx[1]));
                    ps.executeUpdate();
                }
            }
            st.execute("CREATE INDEX ON test_fixture_shape USING gist (geom)");
            st.execute("ANALYZE test_fixture_shape");
            st.execute("DELETE FROM collection WHERE id = '" + SHAPES + "'");
            st.execute("""
                    INSERT INTO collection (id, table_name, title_zh, title_en, group_id, tile_min_zoom, tile_properties, sort_order)
                    VALUES ('test-shapes', 'test_fixture_shape', '测试图形', 'Test shapes', 'parcels', 5, ARRAY['kind', 'weight'], 2)""");
        }
    }

    /** Other tests count the catalogue's collections: the shapes leave with this class. */
    @AfterAll
    static void dropShapes() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM collection WHERE id = '" + SHAPES + "'");
            st.execute("DROP TABLE IF EXISTS test_fixture_shape");
        }
    }

    @ParameterizedTest
    @CsvSource({"109.42, 24.37, 14", "109.40, 24.35, 14", "109.45, 24.41, 15", "109.4005, 24.3505, 15", "109.43, 24.38, 16",
            "109.4975, 24.4235, 16"})
    void testParcelTilesMatchPostgisEncoding(double lon, double lat, int z) throws Exception {
        // Transformed on the fly (no stored Web Mercator copy); area_ha is numeric: a string in the tile.
        String reference = """
                WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ST_TileEnvelope(?, ?, ?, margin => 64.0 / 4096) AS q)
                SELECT ST_AsMVT(m.*, 'test-parcels', 4096, 'geom', 'fid') FROM (
                  SELECT ST_AsMVTGeom(ST_Simplify(ST_Transform(t.geom, 3857), (ST_XMax(b.env) - ST_XMin(b.env)) / 4096),
                                      b.env, 4096, 64, true) AS geom, t.id, t.id AS fid, t.code, t.land_use, t.area_ha
                  FROM test_fixture_parcel t, b WHERE t.geom && ST_Transform(b.env, 4490)) m WHERE m.geom IS NOT NULL""";
        assertSameTile(TestLayers.PARCELS, TileMath.tileOf(lon, lat, z), reference);
    }

    @ParameterizedTest
    @CsvSource({"14", "15", "16"})
    void storedMercatorParcelTilesMatchPostgisEncoding(int z) throws Exception {
        String reference = """
                WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ST_TileEnvelope(?, ?, ?, margin => 64.0 / 4096) AS q)
                SELECT ST_AsMVT(m.*, 'land-parcels', 4096, 'geom', 'fid') FROM (
                  SELECT ST_AsMVTGeom(ST_Simplify(t.geom_3857, (ST_XMax(b.env) - ST_XMin(b.env)) / 4096), b.env, 4096, 64, true) AS geom,
                         t.id, t.id AS fid, %s
                  FROM land_parcel t, b WHERE t.geom_3857 && b.env) m WHERE m.geom IS NOT NULL""";
        var parcels = new org.liudong.planview.catalog.Catalog(TestDatabase.dataSource()).find("land-parcels").orElseThrow();
        StringBuilder columns = new StringBuilder();
        for (String p : parcels.tiles().properties()) {
            if (p.equals("id")) continue;
            if (!columns.isEmpty()) columns.append(", ");
            columns.append("t.").append(p);
        }
        // The densest tile of the demonstration parcels at this zoom: the most rows, the most edges.
        String zyx;
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Centroid(geom) p FROM land_parcel) c "
                     + "ORDER BY (SELECT count(*) FROM land_parcel o WHERE ST_DWithin(o.geom, c.p, 0.005)) DESC LIMIT 1")) {
            assertTrue(rs.next(), "the test database holds demonstration parcels");
            zyx = TileMath.tileOf(rs.getDouble(1), rs.getDouble(2), z);
        }
        assertSameTile("land-parcels", zyx, String.format(reference, columns));
    }

    @Test
    void holesConcaveShapesLinesPointsAndCollectionsMatchPostgisEncoding() throws Exception {
        String reference = """
                WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ST_TileEnvelope(?, ?, ?, margin => 64.0 / 4096) AS q)
                SELECT ST_AsMVT(m.*, 'test-shapes', 4096, 'geom', 'fid') FROM (
                  SELECT ST_AsMVTGeom(ST_Simplify(ST_Transform(t.geom, 3857), (ST_XMax(b.env) - ST_XMin(b.env)) / 4096),
                                      b.env, 4096, 64, true) AS geom, t.id, t.id AS fid, t.kind, t.weight
                  FROM test_fixture_shape t, b WHERE t.geom && ST_Transform(b.q, 4490)) m WHERE m.geom IS NOT NULL""";
        Map<Long, Geometry> shapes = assertSameTile(SHAPES, SHAPE_TILE, reference);
        assertEquals(10, shapes.size(), "every shape meets the tile: " + shapes.keySet());
        assertEquals("MultiPolygon", shapes.get(3L).getGeometryType(), "the U cut at the buffer's edge is two parts");
        assertEquals("Polygon", shapes.get(9L).getGeometryType(), "a collection keeps its polygons, as ST_AsMVTGeom does");
        assertEquals(1, shapes.get(8L).getNumPoints(), "the point outside the buffer is left out");
        assertEquals(1, shapes.get(1L).getNumGeometries());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) shapes.get(1L)).getNumInteriorRing(), "the hole is a hole");
        for (Geometry g : shapes.values()) {
            assertTrue(g.getEnvelopeInternal().getMinX() >= -64 && g.getEnvelopeInternal().getMaxX() <= 4096 + 64
                    && g.getEnvelopeInternal().getMinY() >= -64 && g.getEnvelopeInternal().getMaxY() <= 4096 + 64, "inside the buffer: " + g);
        }
    }

    /**
     * The server's tile against the reference SQL's (bound: z, x, y twice): equal layer, features,
     * values and geometry; the server's geometries by feature id.
     */
    private static Map<Long, Geometry> assertSameTile(String collection, String zyx, String referenceSql) throws Exception {
        HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + collection + "/tiles/WebMercatorQuad/" + zyx);
        String[] p = zyx.split("/");
        byte[] expected;
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(referenceSql)) {
            for (int k = 0; k < 2; k++) {
                ps.setInt(1 + 3 * k, Integer.parseInt(p[0]));
                ps.setInt(2 + 3 * k, Integer.parseInt(p[2]));
                ps.setInt(3 + 3 * k, Integer.parseInt(p[1]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                expected = rs.getBytes(1);
            }
        }
        assertEquals(200, r.statusCode(), zyx);
        assertFalse(expected.length == 0, zyx + ": the reference tile has features");
        VectorTile.Tile.Layer got = VectorTile.Tile.parseFrom(r.body()).getLayers(0);
        VectorTile.Tile.Layer want = VectorTile.Tile.parseFrom(expected).getLayers(0);
        assertEquals(want.getName(), got.getName());
        assertEquals(want.getExtent(), got.getExtent());
        assertEquals(want.getVersion(), got.getVersion());
        assertEquals(values(want), values(got), zyx + ": features and their values");
        Map<Long, Geometry> wantGeometry = geometries(expected);
        Map<Long, Geometry> gotGeometry = geometries(r.body());
        assertEquals(wantGeometry.keySet(), gotGeometry.keySet());
        for (Map.Entry<Long, Geometry> e : wantGeometry.entrySet()) {
            Geometry w = e.getValue();
            Geometry g = gotGeometry.get(e.getKey());
            String what = zyx + " feature " + e.getKey() + ": " + g + " against " + w;
            assertEquals(w.getDimension(), g.getDimension(), what);
            if (w.getDimension() == 2) assertEquals(w.getArea(), g.getArea(), Math.max(1.0, w.getArea() * 0.002), what);
            else if (w.getDimension() == 1) assertEquals(w.getLength(), g.getLength(), 1.0, what);
            else assertTrue(w.norm().equalsExact(g.norm()), what);
        }
        return gotGeometry;
    }

    /** Feature id → key → the MVT value (its type included: a uint is not a sint, a float not a double). */
    private static Map<Long, Map<String, VectorTile.Tile.Value>> values(VectorTile.Tile.Layer layer) {
        Map<Long, Map<String, VectorTile.Tile.Value>> out = new TreeMap<>();
        for (VectorTile.Tile.Feature f : layer.getFeaturesList()) {
            assertTrue(f.hasId(), "an integer id is the feature id");
            Map<String, VectorTile.Tile.Value> values = new HashMap<>();
            for (int i = 0; i < f.getTagsCount(); i += 2) {
                values.put(layer.getKeys(f.getTags(i)), layer.getValues(f.getTags(i + 1)));
            }
            values.put("(type)", VectorTile.Tile.Value.newBuilder().setStringValue(f.getType().name()).build());
            assertEquals(null, out.put(f.getId(), values), "each feature once");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Geometry> geometries(byte[] tile) throws Exception {
        Map<Long, Geometry> out = new TreeMap<>();
        var mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), FACTORY, new TagKeyValueMapConverter(false, "fid"),
                MvtReader.RING_CLASSIFIER_V2_1);
        for (Geometry g : mvt.getLayers().iterator().next().getGeometries()) {
            out.put((Long) ((Map<String, Object>) g.getUserData()).get("fid"), g);
        }
        return out;
    }
}
