package org.liudong.planview.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.ChangeMarker;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.db.Rollback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds stale tile overviews (V7) in the background: after an import replaced the parcels,
 * small-zoom tiles are cut from the rows (correct, slow) until the grid is current again.
 * Each collection's overview has its own {@code refresh_<table>_overview()}; it does nothing when
 * the grid is current, so a check costs one small query.
 */
public final class OverviewRefresher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OverviewRefresher.class);
    private final DataSource ds;
    private final Catalog catalog;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "planview:overview");
        t.setDaemon(true);
        return t;
    });

    public OverviewRefresher(DataSource ds, Catalog catalog) {
        this.ds = ds;
        this.catalog = catalog;
    }

    public OverviewRefresher start(long periodSeconds) {
        timer.scheduleWithFixedDelay(this::refreshAll, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        return this;
    }

    /** Refreshes every stale overview now; the number rebuilt. */
    public int refreshAll() {
        int rebuilt = 0;
        for (CollectionInfo c : catalog.all(Caller.SYSTEM)) {
            if (c.tiles().overview() == null) continue;
            try {
                if (refresh(c)) rebuilt++;
            } catch (SQLException | RuntimeException e) {
                log.warn("overview of {} could not be refreshed: {}", c.id(), e.getMessage());
            }
        }
        return rebuilt;
    }

    private boolean refresh(CollectionInfo c) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection conn = ds.getConnection()) {
            conn.setAutoCommit(false);
            try {
                boolean rebuilt;
                try (PreparedStatement ps = conn.prepareStatement(c.tiles().overview().refreshCallSql()); ResultSet rs = ps.executeQuery()) {
                    rebuilt = rs.next() && rs.getBoolean(1);
                }
                // The low-zoom tiles are now cut from the grid, not the rows: their ETags must change with the grid.
                if (rebuilt) ChangeMarker.touch(conn, c.id());
                conn.commit();
                if (rebuilt) log.info("overview of {} rebuilt in {} ms", c.id(), (System.nanoTime() - t0) / 1_000_000);
                return rebuilt;
            } catch (SQLException | RuntimeException e) {
                Rollback.after(conn, e);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
