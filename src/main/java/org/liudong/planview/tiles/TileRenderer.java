package org.liudong.planview.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.query.QueryFailures;

/**
 * Cuts one tile: from the overview grid while it is current (encoded by PostGIS), from the rows
 * otherwise (read from PostGIS through a cursor, which clips only the rows crossing the tile's edge;
 * encoded by TileEncoder).
 */
final class TileRenderer {
    /**
     * Permits for cutting tiles from the rows, one set per server (its tile routes share it): one
     * per core. Cutting is CPU work (PostgreSQL's query, then the encoder), so more at once adds no
     * throughput; it only holds more rows and features in the heap at the same time: eight at once
     * in a 256 MB heap made the collector pause for longer than the cutting took, two per core
     * still forced full collections (docs/benchmark.md). A request waits for its turn before it
     * takes a database connection.
     */
    static Semaphore onePerCore() {
        return new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    }

    private final DataSource ds;
    private final QueryLimit limit;
    private final Semaphore cutting;
    /** Rows fetched at a time when a tile is cut from the rows. */
    private static final int FETCH_ROWS = 2000;

    TileRenderer(DataSource ds, QueryLimit limit, Semaphore cutting) {
        this.ds = ds;
        this.limit = limit;
        this.cutting = cutting;
    }

    /**
     * The tile's bytes (empty: no feature), and whether it may be cached: a small-zoom tile cut
     * from the rows while the overview is stale is right but will look different once the grid is
     * rebuilt — and the rebuild does not change the collection's table, so nothing would invalidate it.
     */
    record Cut(byte[] mvt, boolean cacheable) {
    }

    Cut render(CollectionInfo c, int z, int x, int y) {
        if (TileSql.fromOverview(c, z)) {
            byte[] overview = renderOverview(c, z, x, y);
            if (overview != null) return new Cut(overview, true);
            return new Cut(renderRows(c, z, x, y), false);
        }
        return new Cut(renderRows(c, z, x, y), true);
    }

    /** The tile from the overview grid, or null while the grid is stale (its rows changed since it was built). */
    private byte[] renderOverview(CollectionInfo c, int z, int x, int y) {
        try (Connection conn = ds.getConnection(); PreparedStatement ps = limit.apply(TileSql.overview(c, z, x, y).prepare(conn));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) return null;
            byte[] b = rs.getBytes(2);
            return b == null ? new byte[0] : b;
        } catch (SQLException e) {
            throw tileProblem(e, c, z, x, y);
        }
    }

    private byte[] renderRows(CollectionInfo c, int z, int x, int y) {
        cutting.acquireUninterruptibly();
        try (Connection conn = ds.getConnection()) {
            // The rows come through a cursor, a batch at a time (the driver uses one only inside a
            // transaction): a dense tile's 13,000 rows are never all in the heap at once. Held
            // whole, eight tiles at a time filled the young generation and its pauses grew to
            // hundreds of milliseconds (docs/benchmark.md).
            conn.setAutoCommit(false);
            byte[] tile;
            try (PreparedStatement ps = limit.apply(TileSql.tile(c, z, x, y).prepare(conn))) {
                ps.setFetchSize(FETCH_ROWS);
                try (ResultSet rs = ps.executeQuery()) {
                    tile = TileEncoder.encode(c.id(), TileSql.columns(c), TileSql.frame(z, x, y), rs, limit.deadlineFromNow());
                }
            }
            conn.commit();
            return tile;
        } catch (SQLException e) {
            throw tileProblem(e, c, z, x, y);
        } finally {
            cutting.release();
        }
    }

    private static RuntimeException tileProblem(SQLException e, CollectionInfo c, int z, int x, int y) {
        return QueryFailures.problem(e, "tile " + z + "/" + y + "/" + x + " of " + c.id());
    }
}
