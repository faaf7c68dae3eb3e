package org.liudong.planview.exchange.gdal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liudong.planview.db.Rollback;
import org.liudong.planview.db.Sql;

/**
 * The database side of the jobs' working space: tables GDAL reads (export scratch) or writes
 * (import staging), named by their owner ({@link WorkOwner#tableName}).
 */
final class WorkTables {
    /** How an older version named them (creation time, no owner): nobody owns those any more. */
    private static final Pattern UNOWNED = Pattern.compile("[es]_\\d+_[0-9a-f]{32}");
    private static final String LIST = "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename";
    /** A sweep does not wait behind a table someone still writes (a child process outliving its server). */
    private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '2s'";

    private WorkTables() {
    }

    /** The work tables in {@code schema} by owner id; "" holds those of an older version, which name none. */
    static Map<String, List<String>> byOwner(Connection c, String schema) throws SQLException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LIST)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String owner = WorkOwner.ownerOfTable(table).orElse(UNOWNED.matcher(table).matches() ? "" : null);
                    if (owner != null) found.computeIfAbsent(owner, k -> new ArrayList<>()).add(table);
                }
            }
        }
        return found;
    }

    /** Drops one table, in a transaction of its own; false when it is held by someone (tried again next sweep). */
    static boolean drop(Connection c, String schema, String table) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(LOCK_TIMEOUT);
            st.execute("DROP TABLE IF EXISTS " + Sql.ident(schema) + "." + Sql.ident(table));
            c.commit();
            return true;
        } catch (SQLException e) {
            Rollback.after(c, e);
            if ("55P03".equals(e.getSQLState())) return false;  // lock_not_available
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
