package org.liudong.planview.exchange.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.testing.TestDatabase;

/**
 * The values of an export read on a replica: each {@code ?} becomes a typed sub-select of the
 * values' row, and the rewritten query returns exactly what the query with bound values returns.
 */
class ParameterRowTest {
    private static final UUID ID = UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100");
    private static final String SUB = "(SELECT p.vals[%d] FROM export_parameters p WHERE p.id = '" + ID + "')::%s";

    @Test
    void placeholdersInQuotesCommentsAndDoubledAreNotValues() throws Exception {
        String sql = "SELECT '?', \"a?b\", $$?$$, x ?? 'k' /* ? */ FROM t WHERE a = ? -- ?\n AND b > ?";
        String inlined = ParameterRow.inline(sql, List.of("\"varchar\"", "\"int4\""), ID);
        assertEquals("SELECT '?', \"a?b\", $$?$$, x ? 'k' /* ? */ FROM t WHERE a = " + SUB.formatted(1, "\"varchar\"")
                + " -- ?\n AND b > " + SUB.formatted(2, "\"int4\""), inlined);
    }

    @Test
    void aCountThatDoesNotMatchIsRefused() {
        assertThrows(ParameterRow.NotInlinable.class, () -> ParameterRow.inline("SELECT ? + ?", List.of("\"int4\""), ID));
    }

    @Test
    void typeNamesAreQuotedAndOnlyNames() throws Exception {
        assertEquals("\"int4\"", ParameterRow.typeName("int4"));
        assertEquals("\"public\".\"geometry\"", ParameterRow.typeName("\"public\".\"geometry\""));
        assertEquals("\"_text\"", ParameterRow.typeName("_text"));
        assertThrows(ParameterRow.NotInlinable.class, () -> ParameterRow.typeName("int4); DROP TABLE x; --"));
        assertThrows(ParameterRow.NotInlinable.class, () -> ParameterRow.typeName(null));
    }

    /**
     * Text with quotes, Chinese and a question mark, a double, a long, a boolean, a text array
     * (in {@code <> ALL (?)}, where a bare sub-select would be read as a row set): the same rows both ways.
     */
    @Test
    void theRowsReadThroughTheValuesRowAreTheBoundQuerysRows() throws Exception {
        String query = "SELECT v.n, v.t FROM (VALUES (1, 'it''s \"引号\"?'), (2, '柳东'), (3, '官塘')) AS v(n, t)"
                + " WHERE (v.t = ? OR v.n::float8 > ?) AND v.n <> ? AND ? AND v.t <> ALL (?) ORDER BY v.n";
        List<Object> values = List.of("it's \"引号\"?", 2.5, 99L, true, new String[] {"无"});
        String owner = TestDatabase.workOwner().id();
        ParameterRow row;
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            SqlStatement statement = new SqlStatement(query, values);
            row = write(statement, owner);
            try {
                assertEquals(rows(c, statement), rowsOf(c, row.sql()));
                assertEquals(List.of("1 it's \"引号\"?", "3 官塘"), rowsOf(c, row.sql()));
            } finally {
                row.delete(TestDatabase.dataSource());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM export_parameters WHERE id = ?")) {
                ps.setObject(1, row.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "the row is gone");
                }
            }
        }
    }

    private static ParameterRow write(SqlStatement statement, String owner) throws Exception {
        return ParameterRow.write(TestDatabase.dataSource(), owner, statement);
    }

    private static List<String> rows(Connection c, SqlStatement statement) throws Exception {
        try (PreparedStatement ps = statement.prepare(c); ResultSet rs = ps.executeQuery()) {
            return collect(rs);
        }
    }

    private static List<String> rowsOf(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return collect(rs);
        }
    }

    private static List<String> collect(ResultSet rs) throws Exception {
        List<String> out = new ArrayList<>();
        while (rs.next()) out.add(rs.getInt(1) + " " + rs.getString(2));
        return out;
    }
}
