package org.liudong.planview.gisdata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays a SYNTHETIC parcel fabric over the functional zones: a grid of blocks separated by
 * local streets, each block cut into 2 × 2 parcels, clipped to the planning areas and kept out
 * of the schematic road corridors and the rivers. Block size varies by area (industrial lots
 * are big), so the count requested sets the scale. All geometry work happens in PostGIS.
 *
 * <p>Deterministic: no random numbers, only md5 of grid indices, so the same count gives the
 * same parcels, byte for byte, on every run. Calling it again REPLACES all parcels.
 *
 * <p>Statuses are synthetic too: 已储备 is a fixed share of the parcels that are not public land,
 * drawn from the md5 like everything else. It is deliberately not calibrated to any figure in the
 * texts (such as the 7130.9 亩 reserve target, 004 line 100), so that no synthetic total looks real.
 */
public final class ParcelGenerator {
    private static final Logger log = LoggerFactory.getLogger(ParcelGenerator.class);

    /** Share of non-public parcels marked 已储备: a synthetic proportion, not a figure from the texts. */
    public static final double RESERVE_SHARE = 0.12;
    public static final double SQUARE_METRES_PER_MU = 2000.0 / 3.0;

    // The grid is anchored here and sized in metres converted at 24.4°N, the middle of the district.
    private static final double ORIGIN_LON = 109.40;
    private static final double ORIGIN_LAT = 24.20;
    private static final double METRES_PER_DEGREE_LON = 101_435.0;
    private static final double METRES_PER_DEGREE_LAT = 110_764.0;
    /** Ask the grid for this many more candidates than parcels: edge cells are dropped first. */
    private static final double OVERSHOOT = 1.12;
    /** A clipped cell smaller than this share of a whole parcel is a sliver, not a parcel. */
    private static final double MIN_FRACTION = 0.35;
    private static final int CELLS_PER_STATEMENT = 40_000;

    private ParcelGenerator() {
    }

    // Pieces: each zone cut into its parks/clusters and the rest, minus road corridors and rivers.
    private static final String CREATE_PIECES = """
            CREATE TEMP TABLE parcel_piece AS
            WITH barrier AS (
                SELECT ST_Union(g) AS g FROM (
                    SELECT ST_SetSRID(ST_Buffer(geom::geography, half_width_m, 'endcap=square join=mitre')::geometry, 4490) AS g
                    FROM road
                    UNION ALL
                    SELECT geom FROM river) b
            ), sub AS (
                SELECT id, geom FROM planning_area WHERE kind IN ('park', 'cluster')
            ), raw AS (
                SELECT z.id AS zone_id, s.id AS area_id, ST_Intersection(z.geom, s.geom) AS g
                FROM planning_area z JOIN sub s ON ST_Intersects(z.geom, s.geom)
                WHERE z.kind = 'zone'
                UNION ALL
                SELECT z.id, NULL, ST_Difference(z.geom, COALESCE(
                           (SELECT ST_Union(s.geom) FROM sub s WHERE ST_Intersects(s.geom, z.geom)),
                           ST_GeomFromText('POLYGON EMPTY', 4490)))
                FROM planning_area z WHERE z.kind = 'zone'
            )
            SELECT (row_number() OVER (ORDER BY r.zone_id, r.area_id NULLS LAST))::int AS piece_no,
                   r.zone_id, r.area_id, COALESCE(r.area_id, r.zone_id) AS mix_key,
                   ST_Multi(ST_CollectionExtract(ST_MakeValid(
                       ST_Difference(r.g, COALESCE(b.g, ST_GeomFromText('POLYGON EMPTY', 4490)))), 3)) AS geom
            FROM raw r CROSS JOIN barrier b""";

    private static final String READ_PIECES = """
            SELECT piece_no, mix_key, ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom),
                   ST_Area(geom::geography)
            FROM parcel_piece WHERE NOT ST_IsEmpty(geom) ORDER BY piece_no""";

    // One statement fills a band of block rows of one piece. Blocks are tested first: a block
    // wholly inside the piece (most of them) gives its 4 parcels without any clipping. x0/x1 of
    // neighbouring parcels in a block come from the same expression, so shared edges are
    // bit-identical.
    private static final String INSERT_CANDIDATES = """
            INSERT INTO parcel_candidate (piece_no, bi, bj, si, sj, part, frac, geom)
            SELECT p.piece_no, b.bi, b.bj, c.si, c.sj, COALESCE(d.path[1], 1), ST_Area(d.geom) / c.cell_area, d.geom
            FROM parcel_piece p
            CROSS JOIN LATERAL (
                SELECT bi, bj, e.x, e.y, ST_MakeEnvelope(e.x, e.y, e.x + 2 * ?::float8, e.y + 2 * ?::float8, 4490) AS block
                FROM generate_series(?::int, ?::int) AS bi
                CROSS JOIN generate_series(?::int, ?::int) AS bj
                CROSS JOIN LATERAL (SELECT ?::float8 + bi * ?::float8 AS x, ?::float8 + bj * ?::float8 AS y) e
            ) b
            CROSS JOIN LATERAL (SELECT ST_Within(b.block, p.geom) AS inside) w
            CROSS JOIN LATERAL (
                SELECT si, sj, (e.x1 - e.x0) * (e.y1 - e.y0) AS cell_area, ST_MakeEnvelope(e.x0, e.y0, e.x1, e.y1, 4490) AS cell
                FROM generate_series(0, 1) AS si
                CROSS JOIN generate_series(0, 1) AS sj
                CROSS JOIN LATERAL (SELECT b.x + si * ?::float8 AS x0, b.x + (si + 1) * ?::float8 AS x1,
                                           b.y + sj * ?::float8 AS y0, b.y + (sj + 1) * ?::float8 AS y1) e
            ) c
            CROSS JOIN LATERAL ST_Dump(CASE WHEN w.inside THEN c.cell
                                            ELSE ST_CollectionExtract(ST_Intersection(c.cell, p.geom), 3) END) d
            WHERE p.piece_no = ? AND ST_Intersects(b.block, p.geom)
              AND (w.inside OR ST_Area(d.geom) >= ? * c.cell_area)""";

    /** A unit-interval number from 8 hex digits of the row md5 h (four independent draws per md5). */
    private static String unit(int draw) {
        return "(('x' || substr(h, " + (1 + 8 * draw) + ", 8))::bit(32)::bigint / 4294967296.0)";
    }

    // Which candidates to keep: whole parcels before clipped ones, then an md5 order; numbered in
    // grid order (pieces are numbered zone by zone). Only key columns are sorted, not geometry.
    private static final String CREATE_PICK = """
            CREATE TEMP TABLE parcel_pick AS
            SELECT (row_number() OVER (ORDER BY piece_no, bj, bi, sj, si, part))::bigint AS id, t.*
            FROM (SELECT piece_no, bi, bj, si, sj, part FROM parcel_candidate
                  ORDER BY (frac > 0.999) DESC, frac DESC, md5(concat_ws(':', piece_no, bi, bj, si, sj, part))
                  LIMIT ?) t""";

    // Land use, sale and plot ratio are drawn from the parcel's md5; land use by looking the draw
    // up in the area's cumulative mix (an index scan per parcel, no join on a range).
    private static final String CREATE_DRAFT = """
            CREATE TEMP TABLE parcel_draft AS
            SELECT x.*, x.land_use_code = ANY(?) AS is_public
            FROM (
                SELECT h.id, h.zone_id, h.area_id, h.mix_key, h.geom, h.area_m2, h.h_sold, h.h_ratio, h.h_reserve,
                       (SELECT m.land_use_code FROM parcel_mix m
                        WHERE m.mix_key = h.mix_key AND m.hi > h.h_use ORDER BY m.hi LIMIT 1) AS land_use_code
                FROM (
                    SELECT k.id, k.zone_id, k.area_id, k.mix_key, k.geom, ST_Area(k.geom::geography) AS area_m2,
                           %s AS h_use, %s AS h_sold, %s AS h_ratio, %s AS h_reserve
                    FROM (SELECT pk.id, c.geom, p.zone_id, p.area_id, p.mix_key,
                                 md5(concat_ws(':', c.piece_no, c.bi, c.bj, c.si, c.sj, c.part)) AS h
                          FROM parcel_pick pk
                          JOIN parcel_candidate c USING (piece_no, bi, bj, si, sj, part)
                          JOIN parcel_piece p ON p.piece_no = pk.piece_no) k
                ) h
            ) x""".formatted(unit(0), unit(1), unit(2), unit(3));

    private static final String INSERT_PARCELS = """
            INSERT INTO land_parcel (id, parcel_code, land_use_code, land_use_name, status, area_m2, area_ha, area_mu,
                                     plot_ratio, zone_id, area_id, synthetic, geom)
            SELECT d.id, 'LD-' || d.mix_key || '-' || lpad(d.id::text, 7, '0'), d.land_use_code, u.name_zh,
                   CASE WHEN d.is_public THEN '规划'
                        WHEN d.h_reserve < ? THEN '已储备'
                        WHEN d.h_sold < k.sold_share THEN '已出让'
                        ELSE '规划' END,
                   d.area_m2, d.area_m2 / 10000.0, d.area_m2 / ?,
                   round(u.plot_ratio_min + (u.plot_ratio_max - u.plot_ratio_min) * d.h_ratio::numeric, 2),
                   d.zone_id, d.area_id, true, ST_Multi(d.geom)
            FROM parcel_draft d
            JOIN land_use_class u ON u.code = d.land_use_code
            JOIN parcel_key k ON k.mix_key = d.mix_key""";

    /**
     * The secondary indexes of land_parcel, whoever defined them (V2, or later migrations such as
     * the Web Mercator tile copy), as PostgreSQL itself writes them; constraint indexes stay.
     */
    private static final String SECONDARY_INDEXES = """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = 'land_parcel'::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY 1""";

    private record Piece(int no, String key, double xmin, double ymin, double xmax, double ymax, double areaM2) {
    }

    /**
     * Replaces all rows of land_parcel with {@code count} synthetic parcels.
     *
     * @param progress receives 0…100 as the work advances (may be called with the same value twice)
     * @return the number of parcels written (= count, unless the district cannot hold that many)
     */
    public static int generate(Connection c, int count, IntConsumer progress) throws SQLException {
        if (count < 0) throw new IllegalArgumentException("parcel count must be >= 0, was " + count);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            int n = run(c, count, progress);
            if (auto) c.commit();
            return n;
        } catch (SQLException | RuntimeException e) {
            if (auto) c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static int run(Connection c, int count, IntConsumer progress) throws SQLException {
        long t0 = System.nanoTime();
        progress.accept(0);
        exec(c, "SET LOCAL work_mem = '256MB'");
        exec(c, "DROP TABLE IF EXISTS parcel_piece, parcel_candidate, parcel_pick, parcel_draft, parcel_mix, parcel_key");
        exec(c, "TRUNCATE land_parcel");
        if (count == 0) {
            refreshOverview(c);
            progress.accept(100);
            return 0;
        }
        exec(c, CREATE_PIECES);
        exec(c, "ANALYZE parcel_piece");
        List<Piece> pieces = readPieces(c);
        if (pieces.isEmpty()) throw new IllegalStateException("no planning areas loaded: load gis-data first");
        writeMixTables(c);
        progress.accept(5);

        double weighted = 0;
        for (Piece p : pieces) weighted += p.areaM2() / LandUseMix.profile(p.key()).sizeWeight();
        double unitArea = weighted / (count * OVERSHOOT); // m² of a parcel of size weight 1
        long candidates = 0;
        for (int attempt = 1; attempt <= 4; attempt++) {
            exec(c, "DROP TABLE IF EXISTS parcel_candidate");
            exec(c, "CREATE TEMP TABLE parcel_candidate (piece_no int, bi int, bj int, si int, sj int, part int, "
                    + "frac float8, geom geometry(Polygon, 4490))");
            candidates = fillCandidates(c, pieces, unitArea, progress);
            if (candidates >= count) break;
            log.info("grid gave {} candidates for {} parcels; refining", candidates, count);
            unitArea *= candidates == 0 ? 0.25 : Math.max(0.25, candidates / (count * 1.08));
        }
        progress.accept(72);
        // temp tables have no statistics until analysed: without them the planner picks nested loops
        exec(c, "ANALYZE parcel_candidate");
        try (PreparedStatement ps = c.prepareStatement(CREATE_PICK)) {
            ps.setInt(1, count);
            ps.execute();
        }
        exec(c, "ANALYZE parcel_pick");
        progress.accept(76);
        try (PreparedStatement ps = c.prepareStatement(CREATE_DRAFT)) {
            ps.setArray(1, publicCodes(c));
            ps.execute();
        }
        exec(c, "ANALYZE parcel_draft");
        progress.accept(82);
        // indexes are built once after the bulk insert rather than row by row
        List<String[]> indexes = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SECONDARY_INDEXES)) {
            while (rs.next()) indexes.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] index : indexes) exec(c, "DROP INDEX " + index[0]);
        int written;
        try (PreparedStatement ps = c.prepareStatement(INSERT_PARCELS)) {
            ps.setDouble(1, RESERVE_SHARE);
            ps.setDouble(2, SQUARE_METRES_PER_MU);
            written = ps.executeUpdate();
        }
        progress.accept(90);
        for (String[] index : indexes) exec(c, index[1]);  // definitions from the catalogue, not from data
        exec(c, "ANALYZE land_parcel");
        exec(c, "DROP TABLE IF EXISTS parcel_piece, parcel_candidate, parcel_pick, parcel_draft, parcel_mix, parcel_key");
        refreshOverview(c);
        progress.accept(100);
        log.info("land_parcel: {} synthetic parcels from {} candidates in {} ms", written, candidates,
                (System.nanoTime() - t0) / 1_000_000);
        return written;
    }

    /** The small-zoom tile overview (V7) is rebuilt with the parcels, so that it is current when they commit. */
    private static void refreshOverview(Connection c) throws SQLException {
        exec(c, "SELECT refresh_land_parcel_overview()");
    }

    private static long fillCandidates(Connection c, List<Piece> pieces, double unitArea, IntConsumer progress)
            throws SQLException {
        List<long[]> plan = new ArrayList<>(); // per piece: bi0, bi1, bj0, bj1
        List<double[]> steps = new ArrayList<>(); // per piece: baseX, bx, pw, baseY, by, ph
        long totalCells = 0;
        for (Piece p : pieces) {
            double parcel = unitArea * LandUseMix.profile(p.key()).sizeWeight();
            double block = 2 * Math.sqrt(parcel);              // metres; 2 × 2 parcels per block
            double street = Math.min(24, Math.max(3, 0.08 * block));
            double bx = block / METRES_PER_DEGREE_LON, by = block / METRES_PER_DEGREE_LAT;
            double gx = street / METRES_PER_DEGREE_LON, gy = street / METRES_PER_DEGREE_LAT;
            long bi0 = (long) Math.floor((p.xmin() - ORIGIN_LON) / bx), bi1 = (long) Math.floor((p.xmax() - ORIGIN_LON) / bx);
            long bj0 = (long) Math.floor((p.ymin() - ORIGIN_LAT) / by), bj1 = (long) Math.floor((p.ymax() - ORIGIN_LAT) / by);
            plan.add(new long[] {bi0, bi1, bj0, bj1});
            steps.add(new double[] {ORIGIN_LON + gx / 2, bx, (bx - gx) / 2, ORIGIN_LAT + gy / 2, by, (by - gy) / 2});
            totalCells += (bi1 - bi0 + 1) * (bj1 - bj0 + 1) * 4;
        }
        long doneCells = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT_CANDIDATES)) {
            for (int k = 0; k < pieces.size(); k++) {
                long[] g = plan.get(k);
                double[] s = steps.get(k);
                long cellsPerRow = (g[1] - g[0] + 1) * 4;
                long rowsPerStatement = Math.max(1, CELLS_PER_STATEMENT / cellsPerRow);
                for (long bj = g[2]; bj <= g[3]; bj += rowsPerStatement) {
                    long bjEnd = Math.min(g[3], bj + rowsPerStatement - 1);
                    int i = 1;
                    ps.setDouble(i++, s[2]);                   // block = 2 parcels wide …
                    ps.setDouble(i++, s[5]);                   // … and 2 high
                    ps.setInt(i++, Math.toIntExact(g[0]));
                    ps.setInt(i++, Math.toIntExact(g[1]));
                    ps.setInt(i++, Math.toIntExact(bj));
                    ps.setInt(i++, Math.toIntExact(bjEnd));
                    ps.setDouble(i++, s[0]);                   // block origin and pitch, x then y
                    ps.setDouble(i++, s[1]);
                    ps.setDouble(i++, s[3]);
                    ps.setDouble(i++, s[4]);
                    ps.setDouble(i++, s[2]);                   // parcel width (x0, x1), height (y0, y1)
                    ps.setDouble(i++, s[2]);
                    ps.setDouble(i++, s[5]);
                    ps.setDouble(i++, s[5]);
                    ps.setInt(i++, pieces.get(k).no());
                    ps.setDouble(i, MIN_FRACTION);
                    ps.executeUpdate();
                    doneCells += (bjEnd - bj + 1) * cellsPerRow;
                    progress.accept((int) (5 + 65 * doneCells / Math.max(1, totalCells)));
                }
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM parcel_candidate")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Piece> readPieces(Connection c) throws SQLException {
        List<Piece> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(READ_PIECES)) {
            while (rs.next()) {
                out.add(new Piece(rs.getInt(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7)));
            }
        }
        return out;
    }

    private static void writeMixTables(Connection c) throws SQLException {
        exec(c, "CREATE TEMP TABLE parcel_mix (mix_key text, land_use_code text, lo float8, hi float8, "
                + "PRIMARY KEY (mix_key, hi))");
        exec(c, "CREATE TEMP TABLE parcel_key (mix_key text PRIMARY KEY, sold_share float8)");
        try (PreparedStatement mix = c.prepareStatement("INSERT INTO parcel_mix VALUES (?, ?, ?, ?)");
             PreparedStatement key = c.prepareStatement("INSERT INTO parcel_key VALUES (?, ?)")) {
            for (var e : LandUseMix.PROFILES.entrySet()) {
                int cumulative = 0;
                for (LandUseMix.Share s : e.getValue().shares()) {
                    mix.setString(1, e.getKey());
                    mix.setString(2, s.landUseCode());
                    mix.setDouble(3, cumulative / 100.0);
                    cumulative += s.percent();
                    mix.setDouble(4, cumulative == 100 ? 1.0 : cumulative / 100.0);
                    mix.addBatch();
                }
                key.setString(1, e.getKey());
                key.setDouble(2, e.getValue().soldShare());
                key.addBatch();
            }
            mix.executeBatch();
            key.executeBatch();
        }
        exec(c, "ANALYZE parcel_mix");
        exec(c, "ANALYZE parcel_key");
    }

    private static Array publicCodes(Connection c) throws SQLException {
        return c.createArrayOf("text", LandUseMix.PUBLIC_CODES.toArray());
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
