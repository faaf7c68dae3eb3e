package org.liudong.planview.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.testing.TestDatabase;

/** The independent side of the browser tests' figures: plain SQL on the throwaway PostGIS. */
final class Sql {
    private Sql() {
    }

    static List<Object[]> rows(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                    out.add(row);
                }
                return out;
            }
        }
    }

    static Object[] row(String sql, Object... params) throws SQLException {
        List<Object[]> rows = rows(sql, params);
        assertTrue(!rows.isEmpty(), "no row for " + sql);
        return rows.get(0);
    }

    static String string(String sql, Object... params) throws SQLException {
        Object v = row(sql, params)[0];
        return v == null ? null : v.toString();
    }

    static double number(String sql, Object... params) throws SQLException {
        return ((Number) row(sql, params)[0]).doubleValue();
    }
}
