package org.liudong.planview.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.liudong.planview.config.DatabaseSettings;

/** The connection pool and the schema migrations; nothing else knows how connections are made. */
public final class Database {
    private Database() {
    }

    public static HikariDataSource pool(DatabaseSettings db, int size) {
        return pool(db, size, "planview");
    }

    /** A pool under its own name (a read replica's), so the log tells the pools apart. */
    public static HikariDataSource pool(DatabaseSettings db, int size, String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        if (db.password() != null) c.setPassword(db.password());
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(Math.min(2, size));
        c.setPoolName(name);
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

    /**
     * A connection of its own, outside the pool, for a session that must live as long as the
     * server (a session-level lock): the pool may close and replace its connections at any time.
     */
    public static Connection session(DatabaseSettings db, String purpose) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", db.user());
        if (db.password() != null) p.setProperty("password", db.password());
        p.setProperty("connectTimeout", "3");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "planview " + purpose);
        return DriverManager.getConnection(db.jdbcUrl(), p);
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
