package org.liudong.planview.gisdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads gis-data/ into the planning tables once: everything in one transaction, and only when
 * planning_area is empty, so a restart (or a second server starting at the same moment) is a
 * no-op. An advisory lock serialises concurrent first starts.
 */
public final class GisDataLoader {
    private static final Logger log = LoggerFactory.getLogger(GisDataLoader.class);

    /**
     * Synthetic parcels for a demonstration database (what ./planview run seeds a database it made
     * itself with, and the tests): enough to look like a district, small enough to load in seconds.
     * The server itself generates none unless PLANVIEW_PARCELS asks for them.
     */
    public static final int DEMO_PARCELS = 4000;

    /** Arbitrary constant: the advisory-lock key for "loading gis-data". */
    private static final long LOCK_KEY = 0x4c44_4741_5441L;

    private GisDataLoader() {
    }

    public static void loadIfEmpty(DataSource ds, Path gisDataDir, int parcelCount) {
        if (!Files.isDirectory(gisDataDir)) {
            throw new IllegalArgumentException("gis-data directory not found: " + gisDataDir.toAbsolutePath());
        }
        IndicatorLoader.loadIfChanged(ds, gisDataDir);
        try (Connection c = ds.getConnection()) {
            if (isLoaded(c)) {
                return; // fast path: no lock, no transaction
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, LOCK_KEY);
                    ps.execute();
                }
                if (isLoaded(c)) { // another server loaded it while we waited
                    c.rollback();
                    return;
                }
                load(c, gisDataDir, parcelCount);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + gisDataDir + " failed: " + e.getMessage(), e);
        }
    }

    private static void load(Connection c, Path dir, int parcelCount) throws SQLException {
        long t0 = System.nanoTime();
        log.info("loading planning layers from {}", dir.toAbsolutePath());
        log.info("land_use_class: {} codes", LandUseClassLoader.load(c, dir));
        for (LayerSpec spec : PlanningLayers.ALL) {
            log.info("{}: {} features", spec.table(), GeoJsonLayerWriter.write(c, dir, spec));
        }
        int[] lastLogged = {-10};
        ParcelGenerator.generate(c, parcelCount, pct -> {
            if (pct >= lastLogged[0] + 10 || pct == 100) {
                lastLogged[0] = pct;
                log.info("land_parcel: {}% of {} synthetic parcels", pct, parcelCount);
            }
        });
        log.info("planning layers loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    static boolean isLoaded(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM planning_area)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
