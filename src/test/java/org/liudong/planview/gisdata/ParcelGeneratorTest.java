package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Determinism and exact counts. Runs inside a transaction that is rolled back, so the parcels
 * other tests see are left as loaded.
 */
class ParcelGeneratorTest {
    private static final String FINGERPRINT = """
            SELECT count(*), md5(string_agg(concat_ws('|', id, parcel_code, land_use_code, status, plot_ratio,
                                                      area_m2, zone_id, area_id, ST_AsEWKB(geom)), ',' ORDER BY id))
            FROM land_parcel""";

    @Test
    void sameCountGivesIdenticalParcelsAndTheCountAsked() throws SQLException {
        try (Connection c = LoadedData.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                String indexesBefore = indexes(c);
                List<Integer> seen = new ArrayList<>();
                assertEquals(1500, ParcelGenerator.generate(c, 1500, seen::add));
                assertEquals(indexesBefore, indexes(c), "the generator rebuilds every index it drops");
                String first = fingerprint(c);
                assertEquals(1500, ParcelGenerator.generate(c, 1500, p -> { }));
                assertEquals(first, fingerprint(c), "same count, same parcels");
                assertTrue(first.startsWith("1500|"), first);
                assertEquals(0, seen.get(0));
                assertEquals(100, seen.get(seen.size() - 1));
                for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "progress goes forward");

                assertEquals(1717, ParcelGenerator.generate(c, 1717, p -> { }));
                String other = fingerprint(c);
                assertTrue(other.startsWith("1717|"), other);
                assertNotEquals(first, other);
            } finally {
                c.rollback();
            }
        }
    }

    private static String indexes(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'land_parcel'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String fingerprint(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FINGERPRINT)) {
            rs.next();
            return rs.getLong(1) + "|" + rs.getString(2);
        }
    }
}
