package org.liudong.planview.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.Rollback;
import org.liudong.planview.db.SqlStatement;

/**
 * One request's read of a collection: a read-only REPEATABLE READ transaction on the request's
 * read database whose first statement reads the collection's change marker. The marker (for the
 * ETag) and the data therefore come from one snapshot, on one connection.
 *
 * <p>Round trips are the cost of a small page (docs/benchmark.md), so the statements travel
 * together: the transaction's settings and the marker always, and the request's own read too
 * when the request is not conditional — only a conditional request can be answered 304, and that
 * answer must not wait for the read. The read's rows stream through a server-side cursor
 * (a fetch size), which the driver keeps for the last statement of such a group as for a lone one.
 * Closing ends the transaction and returns the connection.
 */
public final class MarkedSnapshot implements AutoCloseable {
    private static final String BEGIN = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n";
    private final Connection connection;
    private final QueryLimit limit;
    private final int fetchSize;
    private final PreparedStatement first;
    private final long marker;
    private final SqlStatement sentAlong;
    private PreparedStatement later;

    private MarkedSnapshot(Connection connection, QueryLimit limit, int fetchSize, PreparedStatement first, long marker,
                           SqlStatement sentAlong) {
        this.connection = connection;
        this.limit = limit;
        this.fetchSize = fetchSize;
        this.first = first;
        this.marker = marker;
        this.sentAlong = sentAlong;
    }

    /**
     * The snapshot on {@code chosen}; on the primary instead when {@code chosen} is a replica that
     * has not replayed the collection's creation yet (the catalogue is read on the primary, so a
     * new collection is known before a replica holds its table), as {@link ChangeMarker#where}.
     *
     * @param read      the request's read, sent with the marker; null to send it only when asked for
     *                  ({@link #rows}), after the marker has been looked at
     * @param limit     the time limit of the statements
     * @param fetchSize rows per round trip of the read's cursor
     */
    public static MarkedSnapshot open(DataSource chosen, DataSource primary, String collectionId, SqlStatement read,
                                      QueryLimit limit, int fetchSize) throws SQLException {
        MarkedSnapshot s = on(chosen, collectionId, read, limit, fetchSize);
        if (s.marker != 0 || chosen == primary) return s;
        s.close();
        return on(primary, collectionId, read, limit, fetchSize);
    }

    private static MarkedSnapshot on(DataSource ds, String collectionId, SqlStatement read, QueryLimit limit, int fetchSize)
            throws SQLException {
        Connection c = ds.getConnection();
        PreparedStatement ps = null;
        try {
            c.setAutoCommit(false);  // also what lets PostgreSQL stream the read with a fetch size
            String sql = BEGIN + ChangeMarker.SQL + (read == null ? "" : ";\n" + read.sql());
            ps = limit.apply(c.prepareStatement(sql));
            ps.setString(1, collectionId);
            if (read != null) {
                for (int i = 0; i < read.params().size(); i++) ps.setObject(i + 2, read.params().get(i));
                ps.setFetchSize(fetchSize);
            }
            ps.execute();  // the SET: no rows
            if (!ps.getMoreResults()) throw new SQLException("the change marker query returned no result");
            long marker;
            try (ResultSet rs = ps.getResultSet()) {
                marker = rs.next() ? rs.getLong(1) : 0;
            }
            return new MarkedSnapshot(c, limit, fetchSize, ps, marker, read);
        } catch (SQLException | RuntimeException e) {
            // The first failure is the answer; failing to clean up after it is attached, not thrown instead.
            try {
                if (ps != null) ps.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            Rollback.after(c, e);
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public long marker() {
        return marker;
    }

    /** The connection, for further statements in the snapshot. */
    public Connection connection() {
        return connection;
    }

    /**
     * The rows of {@code read}: those sent with the marker when it was that statement, else read
     * now. Closed with the snapshot.
     */
    public ResultSet rows(SqlStatement read) throws SQLException {
        if (read.equals(sentAlong)) {
            if (!first.getMoreResults()) throw new SQLException("the read sent with the change marker returned no rows");
            return first.getResultSet();
        }
        later = limit.apply(read.prepare(connection));
        later.setFetchSize(fetchSize);
        return later.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (later != null) later.close();
            first.close();
            Rollback.endRead(connection);
        } finally {
            connection.close();
        }
    }
}
