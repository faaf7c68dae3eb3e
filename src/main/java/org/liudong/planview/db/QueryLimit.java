package org.liudong.planview.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How long one read query (items, a tile, totals) may run before PostgreSQL is asked to cancel
 * it. The driver's query timeout is used rather than {@code SET LOCAL statement_timeout}: it
 * costs no round trip (the benchmark counts every one) and needs no transaction.
 */
public record QueryLimit(int seconds) {
    public QueryLimit {
        if (seconds < 1) throw new IllegalArgumentException("a query time limit is at least one second");
    }

    /** The statement, with the time limit set. */
    public PreparedStatement apply(PreparedStatement ps) throws SQLException {
        ps.setQueryTimeout(seconds);
        return ps;
    }

    /**
     * When a read that comes through a cursor must end: the driver's timeout covers each fetch, not
     * the whole read, so the reader checks this between batches.
     */
    public long deadlineFromNow() {
        return System.nanoTime() + seconds * 1_000_000_000L;
    }

    /** What a reader past its deadline throws: the state PostgreSQL gives a cancelled query, so it is answered alike. */
    public static SQLException expired() {
        return new SQLException("the read ran past its time limit", "57014");
    }

    /** Whether PostgreSQL cancelled the query (SQLState 57014: query_canceled). */
    public static boolean cancelled(SQLException e) {
        return "57014".equals(e.getSQLState());
    }
}
