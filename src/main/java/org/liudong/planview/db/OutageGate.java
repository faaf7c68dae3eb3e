package org.liudong.planview.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.liudong.planview.http.ConnectionFailures;
import org.slf4j.LoggerFactory;

/**
 * The pool as the request handlers see it, refusing at once while the database is known to be
 * unreachable. Without it every request of an outage waits the pool's whole connection timeout
 * to learn what the previous one learned, holding a server thread meanwhile. A probe in the
 * background asks the pool for a connection until it gets one; from then on requests go through
 * again. Only a failure to connect closes the gate, never a busy pool or a failed statement.
 */
public final class OutageGate implements DataSource, AutoCloseable {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(OutageGate.class);
    private static final long PROBE_PAUSE_MS = 500;

    private final DataSource pool;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-probe");
        t.setDaemon(true);
        return t;
    });
    /** The failure that closed the gate; null while the database is reachable. */
    private volatile SQLException outage;

    public OutageGate(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException known = outage;
        if (known != null) {
            throw new SQLTransientConnectionException("database unreachable (known since an earlier attempt)", "08001", known);
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (ConnectionFailures.unreachable(e)) trip(e);
            throw e;
        }
    }

    /** Whether requests are being refused because the database is away. */
    public boolean down() {
        return outage != null;
    }

    private synchronized void trip(SQLException cause) {
        if (outage != null || prober.isShutdown()) return;
        outage = cause;
        log.warn("the database is unreachable (SQLState {}); requests are answered 503 until it is back", cause.getSQLState());
        prober.schedule(this::probe, PROBE_PAUSE_MS, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        try (Connection c = pool.getConnection()) {
            if (c.isValid(2)) {
                outage = null;
                log.info("the database is reachable again");
                return;
            }
        } catch (SQLException | RuntimeException e) {
            // still away: the pool waited its connection timeout; ask again shortly
        }
        if (!prober.isShutdown()) prober.schedule(this::probe, PROBE_PAUSE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials come from the settings");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
