package org.liudong.planview.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;

class LsnTest {
    @Test
    void readsAndWritesPostgresqlsForm() {
        assertEquals("16/B374D848", Lsn.parse("16/b374d848").orElseThrow().toString());
        assertEquals("0/0", Lsn.parse("0/0").orElseThrow().toString());
        assertTrue(Lsn.parse("x/1").isEmpty());
        assertTrue(Lsn.parse("1/123456789").isEmpty(), "a half longer than 32 bits is not an LSN");
        assertTrue(Lsn.parse(null).isEmpty());
        assertTrue(Lsn.parse("1/0; DROP TABLE x").isEmpty());
    }

    /** Order and distance as PostgreSQL's own pg_lsn type computes them. */
    @Test
    void comparesAsPostgresqlDoes() throws Exception {
        String[][] pairs = {{"0/FFFFFFFF", "1/0"}, {"7FFFFFFF/0", "1/FFFFFFFF"}, {"16/B374D848", "16/B374D848"}, {"A/10", "9/FFFFFF00"}};
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ?::pg_lsn >= ?::pg_lsn, greatest(?::pg_lsn - ?::pg_lsn, 0)")) {
            for (String[] p : pairs) {
                ps.setString(1, p[0]);
                ps.setString(2, p[1]);
                ps.setString(3, p[0]);
                ps.setString(4, p[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Lsn a = Lsn.parse(p[0]).orElseThrow();
                    Lsn b = Lsn.parse(p[1]).orElseThrow();
                    assertEquals(rs.getBoolean(1), a.atLeast(b), p[0] + " >= " + p[1]);
                    assertEquals(rs.getBigDecimal(2).longValueExact(), a.bytesAfter(b), p[0] + " - " + p[1]);
                }
            }
        }
    }
}
