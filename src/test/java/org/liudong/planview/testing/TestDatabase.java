package org.liudong.planview.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.Database;
import org.liudong.planview.exchange.gdal.WorkOwner;
import org.liudong.planview.gisdata.GisDataLoader;

/**
 * The throwaway database that {@code ./planview test} creates for one run and drops after it.
 * One migrated pool per test JVM: starting PostGIS work once keeps the suite quick.
 */
public final class TestDatabase {
    public static final String URL_VARIABLE = "PLANVIEW_TEST_DATABASE_URL";
    private static HikariDataSource pool;
    private static Settings settings;
    private static WorkOwner workOwner;

    private TestDatabase() {
    }

    /** Settings pointing at the throwaway database, port 0 (any free port), repo's data and web dirs. */
    public static synchronized Settings settings() {
        if (settings == null) settings = Settings.from(environment());
        return settings;
    }

    /** As {@link #settings()}, with some settings added or replaced. */
    public static Settings settings(Map<String, String> extra) {
        return Settings.from(environment(extra));
    }

    /** The environment a server process needs for the throwaway database, with some settings added or replaced. */
    public static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(environment());
        all.putAll(extra);
        return all;
    }

    private static Map<String, String> environment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(URL_VARIABLE + " is not set: run the tests with ./planview test, "
                    + "which creates a throwaway PostGIS database for them");
        }
        String root = RepoPaths.root().toString();
        return Map.of(
                "DATABASE_URL", url,
                "PLANVIEW_PORT", "0",
                "PLANVIEW_GIS_DATA", root + "/gis-data",
                "PLANVIEW_WEB_DIR", root + "/web/dist",
                "PLANVIEW_EDITOR_TOKENS", EDITOR_TOKEN,
                "PLANVIEW_PARCELS", Integer.toString(GisDataLoader.DEMO_PARCELS));
    }

    public static final String EDITOR_TOKEN = "test-editor-token-0123456789";

    public static DatabaseSettings databaseSettings() {
        return settings().database();
    }

    /** One owner of exchange work for the tests that build exporters and importers themselves. */
    public static synchronized WorkOwner workOwner() {
        if (workOwner == null) workOwner = WorkOwner.start(databaseSettings());
        return workOwner;
    }

    public static synchronized HikariDataSource dataSource() {
        if (pool == null) {
            pool = Database.pool(databaseSettings(), 8);
            Database.migrate(pool);
            GisDataLoader.loadIfEmpty(pool, settings().data().gisDataDir(), settings().data().syntheticParcels());
        }
        return pool;
    }
}
