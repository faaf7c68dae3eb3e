package org.liudong.planview.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.liudong.planview.db.Rollback;

/**
 * One request's read of a collection: a read-only REPEATABLE READ transaction on the request's
 * read database whose first statement read the collection's change marker. The marker (for the
 * ETag) and the data therefore come from one snapshot, on one connection, and the marker is known
 * before any data is read, so a revalidation (304) reads nothing more. Closing ends the
 * transaction and returns the connection.
 */
public final class MarkedSnapshot implements AutoCloseable {
    private final Connection connection;
    private final long marker;

    private MarkedSnapshot(Connection connection, long marker) {
        this.connection = connection;
        this.marker = marker;
    }

    /**
     * The snapshot on {@code chosen}; on the primary instead when {@code chosen} is a replica that
     * has not replayed the collection's creation yet (the catalogue is read on the primary, so a new
     * collection is known before a replica holds its table), as {@link ChangeMarker#where}.
     */
    public static MarkedSnapshot open(DataSource chosen, DataSource primary, String collectionId) throws SQLException {
        MarkedSnapshot s = on(chosen, collectionId);
        if (s.marker != 0 || chosen == primary) return s;
        s.close();
        return on(primary, collectionId);
    }

    private static MarkedSnapshot on(DataSource ds, String collectionId) throws SQLException {
        Connection c = ds.getConnection();
        try {
            c.setAutoCommit(false);  // also what lets PostgreSQL stream a page with a fetch size
            return new MarkedSnapshot(c, ChangeMarker.inSnapshot(c, collectionId));
        } catch (SQLException | RuntimeException e) {
            Rollback.after(c, e);
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public Connection connection() {
        return connection;
    }

    public long marker() {
        return marker;
    }

    @Override
    public void close() throws SQLException {
        try {
            Rollback.endRead(connection);
        } finally {
            connection.close();
        }
    }
}
