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
    private static final String SQL = """
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

    /** Moves the marker of collection {@code id}, in the caller's transaction (the trigger draws the number). */
    public static void touch(Connection inTransaction, String id) throws SQLException {
        try (PreparedStatement ps = inTransaction.prepareStatement("UPDATE collection SET change_marker = 0 WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
