package org.liudong.planview.exchange.gdal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.liudong.planview.db.Sql;

/** Rows that are a job's work (an export's values on the primary, V110), each naming its owner in an {@code owner} column. */
final class WorkRows {
    private WorkRows() {
    }

    /** The owners that have rows in {@code table}. */
    static Set<String> owners(Connection c, String table) throws SQLException {
        Set<String> owners = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT owner FROM " + Sql.ident(table));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) owners.add(rs.getString(1));
        }
        return owners;
    }

    /** Deletes {@code owner}'s rows of {@code table}; how many there were. */
    static int delete(Connection c, String table, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + Sql.ident(table) + " WHERE owner = ?")) {
            ps.setString(1, owner);
            return ps.executeUpdate();
        }
    }
}
