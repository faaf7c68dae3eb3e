package org.liudong.planview.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in order. User values only
 * ever travel as parameters; identifiers come from the catalogue, never from the request.
 */
public record SqlStatement(String sql, List<Object> params) {
    public SqlStatement {
        params = List.copyOf(params);
    }

    public static SqlStatement of(String sql, Object... params) {
        return new SqlStatement(sql, List.of(params));
    }

    /** Joins fragments with a separator, keeping the parameters in order. */
    public static SqlStatement join(String separator, List<SqlStatement> parts) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (SqlStatement p : parts) {
            if (!sql.isEmpty()) sql.append(separator);
            sql.append(p.sql);
            params.addAll(p.params);
        }
        return new SqlStatement(sql.toString(), params);
    }

    public PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
