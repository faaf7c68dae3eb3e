package org.liudong.planview.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Parcel vector tiles at z12–z16 over the seeded centres, against PostGIS writing the same MVT:
 * at z14–z16 the parcels, at z12–z13 the overview grid the server draws there.
 */
final class TileCases {
    /**
     * PostGIS's own encoding of the rows the server's tile holds: parcels found by the index on
     * their stored Web Mercator copy within the tile (polygons: the tile itself, not its buffer),
     * simplified to one tile unit, clipped to the 64-unit buffer and encoded by ST_AsMVT — the
     * server's SQL before it encoded tiles itself, no longer its floor.
     */
    private static final String RAW_TILE = "WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, "
            + "ST_TileEnvelope(?, ?, ?, margin => ?) AS q) "
            + "SELECT ST_AsMVT(m.*, 'land-parcels', 4096, 'geom', '_fid') FROM ("
            + "SELECT ST_AsMVTGeom(ST_Simplify(t.geom_3857, ?), b.env, 4096, 64, true) AS geom, "
            + "t.id, t.id AS _fid, t.parcel_code, t.land_use_code, t.land_use_name, t.status, t.area_ha, t.area_mu, t.zone_id, t.area_id, t.synthetic "
            + "FROM land_parcel t, b WHERE t.geom_3857 && b.env OFFSET 0) m WHERE m.geom IS NOT NULL";
    /** Below z14 the server draws the overview grid (V7): the floor is PostGIS cutting the same cells. */
    private static final String RAW_OVERVIEW_TILE = "SELECT s.fresh, CASE WHEN s.fresh THEN ("
            + "WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, ST_TileEnvelope(?, ?, ?, margin => ?) AS q) "
            + "SELECT ST_AsMVT(m.*, 'land-parcels', 4096, 'geom') FROM ("
            + "SELECT ST_AsMVTGeom(o.geom_3857, b.env, 4096, 64, true) AS geom, "
            + "o.land_use_code, o.land_use_name, o.parcel_count, o.area_ha, true AS overview "
            + "FROM land_parcel_overview o, b WHERE o.level = ? AND o.geom_3857 && b.q OFFSET 0) m WHERE m.geom IS NOT NULL"
            + ") END FROM (SELECT version = built_version IS TRUE AS fresh FROM land_parcel_overview_state) s";
    private static final int OVERVIEW_BELOW_ZOOM = 14;
    private static final double WORLD = 40_075_016.685578488;

    private TileCases() {
    }

    /** From this zoom on the viewer serves parcels, as MapServer does: the zooms compared with the anchor. */
    static final int ANCHOR_FROM_ZOOM = 14;

    static void run(BenchMain bench, List<double[]> centres) throws Exception {
        for (int z = 12; z <= 16; z++) {
            List<int[]> tiles = new ArrayList<>();
            for (double[] c : centres) tiles.add(tileOf(c[0], c[1], z));
            final int zoom = z;
            BenchMain.PathFor path = i -> {
                int[] t = tiles.get(i);
                return "/collections/land-parcels/tiles/WebMercatorQuad/" + zoom + "/" + t[1] + "/" + t[0];
            };
            String name = "tile z" + z;
            BenchMain.ServerStats cold = bench.compare(name, path, i -> raw(bench, zoom, tiles.get(i)), tiles.size(), 1.3);
            if (z < ANCHOR_FROM_ZOOM) continue;
            if (bench.mapserverUrl() != null) {
                BenchMain.ServerStats ms = bench.measure(i -> bench.fetch(MapServerAnchor.tileUrl(bench.mapserverUrl(), zoom, tiles.get(i))),
                        tiles.size());
                MapServerAnchor.add(bench.table(), name, "MapServer 8", ms, cold, "server (cold)");
                if (bench.cachedUrl() != null) {
                    // One pass fills the cache; every measured request is then a hit.
                    for (int i = 0; i < tiles.size(); i++) bench.fetch(bench.cachedUrl() + path.path(i));
                    BenchMain.ServerStats hot = bench.measure(i -> bench.fetch(bench.cachedUrl() + path.path(i)), tiles.size());
                    MapServerAnchor.addOther(bench.table(), name, "server (cached)", hot, ms);
                }
            }
        }
    }

    private static long raw(BenchMain bench, int z, int[] t) throws Exception {
        if (z < OVERVIEW_BELOW_ZOOM) return rawOverview(bench, z, t);
        try (Connection c = bench.db().getConnection(); PreparedStatement ps = c.prepareStatement(RAW_TILE)) {
            bindEnvelopes(ps, z, t);
            ps.setDouble(8, WORLD / Math.pow(2, z) / 4096);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] b = rs.getBytes(1);
                return b == null ? 0 : b.length;
            }
        }
    }

    private static long rawOverview(BenchMain bench, int z, int[] t) throws Exception {
        try (Connection c = bench.db().getConnection(); PreparedStatement ps = c.prepareStatement(RAW_OVERVIEW_TILE)) {
            bindEnvelopes(ps, z, t);
            ps.setInt(8, Math.max(12, Math.min(13, z)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) throw new IllegalStateException("the parcel overview is stale: the server draws rows");
                byte[] b = rs.getBytes(2);
                return b == null ? 0 : b.length;
            }
        }
    }

    /** Parameters 1–7 of both queries: the tile's envelope, and the same with its buffer. */
    private static void bindEnvelopes(PreparedStatement ps, int z, int[] t) throws java.sql.SQLException {
        ps.setInt(1, z);
        ps.setInt(2, t[0]);
        ps.setInt(3, t[1]);
        ps.setInt(4, z);
        ps.setInt(5, t[0]);
        ps.setInt(6, t[1]);
        ps.setDouble(7, 64.0 / 4096);
    }

    /** The WebMercatorQuad tile (x, y) holding a lon/lat point at zoom z. */
    static int[] tileOf(double lon, double lat, int z) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180.0) / 360.0 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1.0 - Math.log(Math.tan(r) + 1.0 / Math.cos(r)) / Math.PI) / 2.0 * n);
        return new int[] {x, y};
    }
}
