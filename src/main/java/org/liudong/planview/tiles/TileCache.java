package org.liudong.planview.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.config.TileCacheSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cut tiles kept in the database (V90: {@code tile_cache}, gzipped), so that a tile whose data did
 * not change is not cut twice — by this server, another one on the same database, or after a restart.
 *
 * <p>A cached tile is served only while its table's generation is the one it was cut at: a
 * statement trigger ({@code tile_cache_generation}) bumps the generation in the transaction of every
 * statement that changes the table (an import, a rollback, an edit in psql), so invalidation is
 * exact and immediate and never a matter of time. A table without that trigger (an import's new
 * collection) gets it here before its first tile is cached; one that cannot have it (a view, a
 * table owned by another role) is not cached. Tiles of a past version are not cached.
 *
 * <p>The size is bounded: after every twentieth of the bound written, tiles are evicted down to 90 %
 * of it — stale generations first, then the least recently used ({@code last_used}, refreshed at
 * most once a minute per tile so that a hit costs no write).
 *
 * <p>The cache never fails a request: when it cannot be read or written (a read-only standby cannot
 * open an unlogged table), the tile is cut as without it.
 */
final class TileCache {
    private static final Logger log = LoggerFactory.getLogger(TileCache.class);
    static final String TRIGGER = "tile_cache_generation";
    /** Counted for each row besides its tile, so that empty tiles (204) are bounded too. */
    static final int ROW_BYTES = 100;
    /** Changes when what a tile holds changes without its SQL changing (the encoding, say). */
    private static final String FORMAT = "2";

    private static final String LOOKUP = """
            SELECT r.oid::bigint, k.relkind::text, r.state::bigint, COALESCE(g.generation, 0) + COALESCE(s.generation, 0),
                   EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = r.oid AND tg.tgname = '""" + TRIGGER + """
            ' AND tg.tgenabled <> 'D'),
                   r.state IS NULL OR EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = r.state AND tg.tgname = '""" + TRIGGER + """
            ' AND tg.tgenabled <> 'D'),
                   c.etag, c.gzipped, c.last_used < now() - interval '1 minute'
            FROM (SELECT to_regclass(?)::oid AS oid, to_regclass(?)::oid AS state) r
            JOIN pg_class k ON k.oid = r.oid
            LEFT JOIN tile_generation g ON g.table_oid = r.oid
            LEFT JOIN tile_generation s ON s.table_oid = r.state
            LEFT JOIN tile_cache c ON c.collection_id = ? AND c.z = ? AND c.x = ? AND c.y = ?
                 AND c.table_oid = r.oid AND c.state_oid IS NOT DISTINCT FROM r.state
                 AND c.generation = COALESCE(g.generation, 0) + COALESCE(s.generation, 0) AND c.recipe = ?""";
    private static final String STORE = """
            INSERT INTO tile_cache (collection_id, z, x, y, table_oid, state_oid, generation, recipe, etag, gzipped, bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (collection_id, z, x, y) DO UPDATE SET table_oid = excluded.table_oid, state_oid = excluded.state_oid,
                generation = excluded.generation,
                recipe = excluded.recipe, etag = excluded.etag, gzipped = excluded.gzipped, bytes = excluded.bytes, last_used = now()""";
    private static final String TOUCH = "UPDATE tile_cache SET last_used = now() WHERE collection_id = ? AND z = ? AND x = ? AND y = ?";
    private static final String TOTAL = "SELECT COALESCE(sum(bytes), 0) FROM tile_cache";
    /** Keeps the tiles that fit in the target, current generations first, newest use first; deletes the rest. */
    private static final String EVICT = """
            DELETE FROM tile_cache d USING (
                SELECT c.collection_id, c.z, c.x, c.y,
                       sum(c.bytes) OVER (ORDER BY c.generation IS DISTINCT FROM COALESCE(g.generation, 0) + COALESCE(s.generation, 0),
                                                   c.last_used DESC, c.collection_id, c.z, c.x, c.y) AS kept
                FROM tile_cache c LEFT JOIN tile_generation g ON g.table_oid = c.table_oid
                LEFT JOIN tile_generation s ON s.table_oid = c.state_oid) r
            WHERE d.collection_id = r.collection_id AND d.z = r.z AND d.x = r.x AND d.y = r.y AND r.kept > ?""";

    private final DataSource ds;
    private final long maxBytes;
    private final AtomicLong writtenSinceCheck = new AtomicLong(Long.MAX_VALUE / 2);  // check at the first write
    private final ReentrantLock evicting = new ReentrantLock();
    /** Tables the trigger could not be put on (not owned, say): asked once per server, not per tile. */
    private final Set<Long> unguardable = ConcurrentHashMap.newKeySet();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    TileCache(DataSource ds, TileCacheSettings settings) {
        this.ds = ds;
        this.maxBytes = settings.maxBytes();
    }

    /** A cached tile: its ETag and gzipped bytes (empty: a tile without features). */
    record Hit(String etag, byte[] gzipped) {
    }

    /** Where a tile stands: {@code cacheable} false means cut and serve it without the cache. */
    record Lookup(boolean cacheable, long tableOid, Long stateOid, long generation, String recipe, Hit hit) {
        static final Lookup BYPASS = new Lookup(false, 0, null, 0, null, null);
    }

    Lookup lookup(CollectionInfo c, int z, int x, int y) {
        if (maxBytes <= 0 || c.version() != null) return Lookup.BYPASS;
        String recipe = recipe(c);
        try (Connection conn = ds.getConnection()) {
            Lookup l = read(conn, c, z, x, y, recipe);
            if (l == null) return Lookup.BYPASS;
            if (l.hit() != null) hits.incrementAndGet(); else if (l.cacheable()) misses.incrementAndGet();
            return l;
        } catch (SQLException | RuntimeException e) {
            log.warn("tile cache not read for {} {}/{}/{}: {}", c.id(), z, y, x, e.getMessage());
            return Lookup.BYPASS;
        }
    }

    private Lookup read(Connection conn, CollectionInfo c, int z, int x, int y, String recipe) throws SQLException {
        // Below the overview zoom the tile is cut from the overview while it is current: its state table counts too.
        String state = TileSql.fromOverview(c, z) ? c.tiles().overview().stateTableSql() : null;
        for (int attempt = 0; attempt < 2; attempt++) {
            long oid;
            Long stateOid;
            long generation;
            boolean touch = false;
            Hit hit = null;
            try (PreparedStatement ps = conn.prepareStatement(LOOKUP)) {
                ps.setString(1, c.tableSql());
                ps.setString(2, state);
                ps.setString(3, c.id());
                ps.setInt(4, z);
                ps.setInt(5, x);
                ps.setInt(6, y);
                ps.setString(7, recipe);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;  // no such table
                    oid = rs.getLong(1);
                    String kind = rs.getString(2);
                    stateOid = rs.getObject(3) == null ? null : rs.getLong(3);
                    generation = rs.getLong(4);
                    boolean guarded = rs.getBoolean(5) && rs.getBoolean(6);
                    if (!kind.equals("r") && !kind.equals("p")) return null;
                    if (state != null && stateOid == null) return null;  // an overview without its state table
                    if (!guarded) {
                        if (attempt > 0 || !guard(conn, c, oid, c.tableSql()) || (state != null && !guard(conn, c, stateOid, state))) {
                            return null;
                        }
                        continue;  // read the generation again, now that changes bump it
                    }
                    String etag = rs.getString(7);
                    if (etag != null) {
                        hit = new Hit(etag, rs.getBytes(8));
                        touch = rs.getBoolean(9);
                    }
                }
            }
            if (touch) {
                try (PreparedStatement ps = conn.prepareStatement(TOUCH)) {
                    ps.setString(1, c.id());
                    ps.setInt(2, z);
                    ps.setInt(3, x);
                    ps.setInt(4, y);
                    ps.executeUpdate();
                }
            }
            return new Lookup(true, oid, stateOid, generation, recipe, hit);
        }
        return null;
    }

    /**
     * Puts the generation trigger on a table that lacks it. CREATE TRIGGER waits for writers in
     * flight, so every change committed after it returns bumps the generation read next.
     */
    private boolean guard(Connection conn, CollectionInfo c, long oid, String tableSql) {
        if (unguardable.contains(oid)) return false;
        boolean auto = true;
        try {
            auto = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_trigger WHERE tgrelid = " + oid + " AND tgname = '" + TRIGGER + "'")) {
                    if (rs.next()) {
                        conn.rollback();
                        return true;
                    }
                }
                st.execute("CREATE TRIGGER " + TRIGGER + " AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + tableSql
                        + " FOR EACH STATEMENT EXECUTE FUNCTION tile_cache_bump()");
                st.execute("INSERT INTO tile_generation (table_oid) VALUES (" + oid + ") ON CONFLICT DO NOTHING");
            }
            conn.commit();
            log.info("tile cache: table {} of {} now bumps its tile generation on every change", tableSql, c.id());
            return true;
        } catch (SQLException e) {
            rollback(conn);
            if ("42710".equals(e.getSQLState())) return true;  // another server put it there meanwhile
            unguardable.add(oid);
            log.warn("tile cache: tiles of {} are not cached; its table {} cannot get the generation trigger: {}", c.id(),
                    tableSql, e.getMessage());
            return false;
        } finally {
            try {
                conn.setAutoCommit(auto);
            } catch (SQLException ignored) {
                // the pool discards a connection it cannot reset
            }
        }
    }

    private static void rollback(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the first failure is the one reported
        }
    }

    /** Keeps a cut tile under the generation read before it was cut (a change since has bumped it past). */
    void store(Lookup l, CollectionInfo c, int z, int x, int y, String etag, byte[] gzipped) {
        if (!l.cacheable()) return;
        int bytes = gzipped.length + ROW_BYTES;
        if (bytes > maxBytes / 10) return;  // one tile does not push out a tenth of the cache
        try (Connection conn = ds.getConnection(); PreparedStatement ps = conn.prepareStatement(STORE)) {
            ps.setString(1, c.id());
            ps.setInt(2, z);
            ps.setInt(3, x);
            ps.setInt(4, y);
            ps.setLong(5, l.tableOid());
            ps.setObject(6, l.stateOid());
            ps.setLong(7, l.generation());
            ps.setString(8, l.recipe());
            ps.setString(9, etag);
            ps.setBytes(10, gzipped);
            ps.setInt(11, bytes);
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            log.warn("tile cache not written for {} {}/{}/{}: {}", c.id(), z, y, x, e.getMessage());
            return;
        }
        if (writtenSinceCheck.addAndGet(bytes) >= Math.max(1, maxBytes / 20)) evict();
    }

    /** Evicts down to 90 % of the bound when the cache is over it; the bytes the cache then holds. */
    long evict() {
        if (!evicting.tryLock()) return -1;
        try (Connection conn = ds.getConnection()) {
            writtenSinceCheck.set(0);
            long total;
            try (PreparedStatement ps = conn.prepareStatement(TOTAL); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            if (total <= maxBytes) return total;
            try (PreparedStatement ps = conn.prepareStatement(EVICT)) {
                ps.setLong(1, maxBytes * 9 / 10);
                int n = ps.executeUpdate();
                log.info("tile cache: {} tiles evicted ({} bytes held, bound {})", n, total, maxBytes);
            }
            try (PreparedStatement ps = conn.prepareStatement(TOTAL); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            log.warn("tile cache eviction failed: {}", e.getMessage());
            return -1;
        } finally {
            evicting.unlock();
        }
    }

    /** What the tile's SQL is, whatever tile: a changed catalogue entry (properties, subset) is a new recipe. */
    static String recipe(CollectionInfo c) {
        StringBuilder s = new StringBuilder(FORMAT).append('\n');
        var rows = TileSql.tile(c, 0, 0, 0);
        s.append(rows.sql()).append('\n').append(rows.params());
        if (c.tiles().overview() != null) {
            var overview = TileSql.overview(c, 0, 0, 0);
            s.append('\n').append(overview.sql()).append('\n').append(overview.params());
        }
        return TileBytes.hash(s.toString());
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}
