package org.liudong.planview.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A collection's change marker (V100): a number that moves whenever its data is imported,
 * replaced or rolled back, or its access changes. Collections cut from one table (the planning
 * areas by kind) share their table's newest marker, since a change of the table changes them all.
 * Read from the same database as the data it stands for (a replica's marker with a replica's rows),
 * and before them, so a marker never claims newer data than was served.
 */
public final class ChangeMarker {
    static final String SQL = """
            SELECT max(o.change_marker) FROM collection c
            JOIN collection o ON o.table_schema = c.table_schema AND o.table_name = c.table_name
            WHERE c.id = ?""";

    private ChangeMarker() {
    }

    /** The marker of collection {@code id}; 0 for one the catalogue does not hold (yet) on this database. */
    public static long of(DataSource ds, String id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** A database a request reads from, and the collection's marker there. */
    public record Read(DataSource ds, long marker) {
    }

    /**
     * The marker on {@code chosen} (the request's read database), read before the data it stands
     * for. The primary instead when {@code chosen} is a replica that has not replayed the
     * collection's creation yet: the catalogue is read on the primary, so a new collection is known
     * before a replica holds its table.
     */
    public static Read where(DataSource chosen, DataSource primary, String id) throws SQLException {
        long marker = of(chosen, id);
        if (marker == 0 && chosen != primary) return new Read(primary, of(primary, id));
        return new Read(chosen, marker);
    }

    /** Moves the marker of collection {@code id}, in the caller's transaction (the trigger draws the number). */
    public static void touch(Connection inTransaction, String id) throws SQLException {
        try (PreparedStatement ps = inTransaction.prepareStatement("UPDATE collection SET change_marker = 0 WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
