package org.liudong.planview.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.liudong.planview.config.DatabaseSettings;

/** The connection pool and the schema migrations; nothing else knows how connections are made. */
public final class Database {
    private Database() {
    }

    public static HikariDataSource pool(DatabaseSettings db, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        if (db.password() != null) c.setPassword(db.password());
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(Math.min(2, size));
        c.setPoolName("planview");
        // Fail fast when PostGIS is away, so /health answers 503 in seconds rather than hanging.
        c.setConnectionTimeout(3_000);
        c.setValidationTimeout(1_000);
        c.setInitializationFailTimeout(-1);
        c.addDataSourceProperty("connectTimeout", "3");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Plan every execution with its values (a generic plan cannot know how selective a bound
        // filter value is), and no parallel workers: PostGIS's high function costs made the
        // planner launch workers for a bbox query that needs 1 ms, and starting them took 30 ms
        // (EXPLAIN ANALYZE, docs/benchmark.md). One request is one backend; concurrency comes
        // from the pool.
        c.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan -c max_parallel_workers_per_gather=0");
        return new HikariDataSource(c);
    }

    /** Brings the schema to the newest version; Flyway's lock makes concurrent starts safe. */
    public static void migrate(javax.sql.DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                // Each area owns a block of version numbers (V3–V9 features and tiles, V10–V14
                // exchange …), so a later migration of one area may carry a lower number than an
                // applied one of another; they touch different tables.
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
