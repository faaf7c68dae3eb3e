package org.liudong.planview.exchange.gdal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.liudong.planview.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of a job's working space: tables GDAL reads (export scratch) or writes
 * (import staging), named with their creation time so that a sweep can tell stale from running.
 */
public final class WorkTables {
    private static final Logger log = LoggerFactory.getLogger(WorkTables.class);
    /** Scratch (e_) and staging (s_) tables carry their creation time. */
    private static final Pattern NAME = Pattern.compile("[es]_(\\d+)_[0-9a-f]{32}");

    private WorkTables() {
    }

    /** A new table name for {@code prefix} (e = export scratch, s = import staging) with its creation time in it. */
    public static String newName(char prefix) {
        return prefix + "_" + System.currentTimeMillis() / 1000 + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Drops work tables in {@code schema} older than {@code age}: left by a crash, not by a running job of another server. */
    public static int sweep(DataSource ds, String schema, Duration age) {
        long cutoff = System.currentTimeMillis() / 1000 - age.toSeconds();
        int dropped = 0;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
            ps.setString(1, schema);
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var m = NAME.matcher(rs.getString(1));
                    if (m.matches() && Long.parseLong(m.group(1)) < cutoff) stale.add(rs.getString(1));
                }
            }
            try (Statement st = c.createStatement()) {
                for (String t : stale) {
                    st.execute("DROP TABLE IF EXISTS " + Sql.ident(schema) + "." + Sql.ident(t));
                    dropped++;
                }
            }
        } catch (SQLException e) {
            log.warn("cannot sweep {}: {}", schema, e.getMessage());
        }
        return dropped;
    }
}
