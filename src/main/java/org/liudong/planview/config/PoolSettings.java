package org.liudong.planview.config;

/**
 * How the server uses the database: connections in the pool, and how long one read query (items,
 * a tile, totals) may run before PostgreSQL is asked to cancel it.
 */
public record PoolSettings(int size, int queryTimeoutSeconds) {
    static PoolSettings from(SettingSource s) {
        return new PoolSettings(s.integer("PLANVIEW_DB_POOL_SIZE", 10, 1, 200),
                s.integer("PLANVIEW_QUERY_TIMEOUT_SECONDS", 30, 1, 3600));
    }
}
