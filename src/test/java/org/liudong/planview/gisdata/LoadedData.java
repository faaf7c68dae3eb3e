package org.liudong.planview.gisdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.liudong.planview.testing.RepoPaths;
import org.liudong.planview.testing.TestDatabase;

/** The test database with gis-data loaded (once per JVM), and small query helpers for the tests. */
final class LoadedData {
    private static boolean loaded;

    private LoadedData() {
    }

    static synchronized DataSource dataSource() {
        DataSource ds = TestDatabase.dataSource();
        if (!loaded) {
            GisDataLoader.loadIfEmpty(ds, RepoPaths.root().resolve("gis-data"), GisDataLoader.DEMO_PARCELS);
            loaded = true;
        }
        return ds;
    }

    static long count(String sql, Object... params) {
        return ((Number) one(sql, params)).longValue();
    }

    static Object one(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        if (rows.size() != 1) throw new IllegalStateException("expected one row from " + sql + ", got " + rows.size());
        return rows.get(0).get(0);
    }

    /** All rows, each as a list of column values; for assertion messages that name the offenders. */
    static List<List<Object>> rows(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
