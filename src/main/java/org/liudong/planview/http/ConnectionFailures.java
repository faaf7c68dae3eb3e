package org.liudong.planview.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure of the database connection from a failure of a statement, wherever it surfaced
 * and however it was wrapped: the caller of such a failure is told 503 (try again), not 500.
 */
public final class ConnectionFailures {
    /**
     * admin_shutdown, crash_shutdown, cannot_connect_now (stopping, crashed, still starting) and
     * too_many_connections: no session to be had now, whatever the request.
     */
    private static final Set<String> NO_SESSION = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int MAX_DEPTH = 20;

    private ConnectionFailures() {
    }

    /** Why the database cannot serve, if {@code t} or anything it wraps is a connection failure. */
    public static Optional<Reason> of(Throwable t) {
        Throwable cur = t;
        for (int depth = 0; cur != null && depth < MAX_DEPTH; depth++) {
            // The pool's own timeout names the last failed connection attempt as its cause when there
            // was one; without one, the database is up and every connection was busy.
            if (cur instanceof SQLTransientConnectionException) {
                return Optional.of(cur.getCause() instanceof SQLException ? Reason.UNREACHABLE : Reason.BUSY);
            }
            if (cur instanceof SQLException sql && (cannotConnect(sql.getSQLState())
                    || sql.getNextException() != null && cannotConnect(sql.getNextException().getSQLState()))) {
                return Optional.of(Reason.UNREACHABLE);
            }
            cur = cur.getCause();
        }
        return Optional.empty();
    }

    /** Whether {@code t} says the database could not be reached at all (not merely busy). */
    public static boolean unreachable(Throwable t) {
        return of(t).filter(r -> r == Reason.UNREACHABLE).isPresent();
    }

    /** SQLState class 08 (connection exception), the server shutting down, crashed or starting, or full. */
    static boolean cannotConnect(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || NO_SESSION.contains(sqlState));
    }

    /** What the caller is told; never the driver's or the pool's own words. */
    public enum Reason {
        UNREACHABLE("the database is unreachable; the server keeps trying to reach it, try again in a moment"),
        BUSY("every database connection is busy; try again in a moment");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }
}
