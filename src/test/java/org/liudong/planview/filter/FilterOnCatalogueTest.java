package org.liudong.planview.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.testing.TestDatabase;

/**
 * Filters on the shipped parcel layer, with the queryables taken from the real catalogue the way
 * the features endpoints take them (columns written {@code t."…"}): each count is checked against
 * the same question asked in hand-written SQL.
 */
class FilterOnCatalogueTest {
    private static DataSource db;
    private static CollectionInfo parcels;
    private static List<QueryableField> fields;

    @BeforeAll
    static void catalogue() {
        db = TestDatabase.dataSource();
        parcels = new Catalog(db).find("land-parcels").orElseThrow();
        fields = queryables(parcels);
    }

    /** What the features endpoints would hand the compiler for a collection. */
    static List<QueryableField> queryables(CollectionInfo c) {
        List<QueryableField> f = new ArrayList<>();
        for (PropertyInfo p : c.queryables()) f.add(new QueryableField(p.name(), p.column(), FieldType.valueOf(p.type().name())));
        f.add(new QueryableField(CollectionInfo.GEOMETRY_QUERYABLE, c.geometrySql(), FieldType.GEOMETRY));
        return f;
    }

    static long filtered(String cql, SupportedCrs crs) throws SQLException {
        SqlStatement where = new FilterCompiler(fields, crs).compile(Cql2Parser.parse(cql));
        return count(new SqlStatement("SELECT count(*) FROM " + parcels.tableSql() + " t WHERE " + where.sql(), where.params()));
    }

    static long count(SqlStatement s) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = s.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void assertSameCount(String cql, String sql, Object... params) throws SQLException {
        long expected = count(SqlStatement.of("SELECT count(*) FROM land_parcel WHERE " + sql, params));
        assertTrue(expected > 0, "the shipped parcels answer '" + sql + "' with some rows");
        assertEquals(expected, filtered(cql, CrsRegistry.CRS84), cql);
    }

    @Test
    void attributeFiltersOnTheShippedParcels() throws SQLException {
        assertSameCount("land_use_code IN ('1001','1101') AND area_ha > 5", "land_use_code IN ('1001','1101') AND area_ha > 5");
        assertSameCount("status = '已出让'", "status = '已出让'");
        assertSameCount("land_use_name LIKE '%住宅%' AND NOT status = '规划'", "land_use_name LIKE '%住宅%' AND status <> '规划'");
        assertSameCount("area_mu BETWEEN 10 AND 50 OR plot_ratio >= 2", "area_mu BETWEEN 10 AND 50 OR plot_ratio >= 2");
        assertSameCount("CASEI(parcel_code) LIKE 'ld-z1-%'", "lower(parcel_code) LIKE 'ld-z1-%'");
        assertSameCount("synthetic = TRUE AND area_id IS NULL", "synthetic AND area_id IS NULL");
        assertSameCount("id < 100", "id < 100");
    }

    @Test
    void spatialFiltersOnTheShippedParcels() throws SQLException {
        // a box around the middle of the parcels, however the generator placed them
        double[] c = new double[2];
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) AS p FROM land_parcel) s");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            c[0] = rs.getDouble(1);
            c[1] = rs.getDouble(2);
        }
        double w = c[0] - 0.02, e = c[0] + 0.02, s = c[1] - 0.02, n = c[1] + 0.02;
        String box = "ST_MakeEnvelope(?, ?, ?, ?, 4490)";
        assertSameCount("S_INTERSECTS(geometry, BBOX(" + w + ", " + s + ", " + e + ", " + n + "))",
                "ST_Intersects(geom, " + box + ")", w, s, e, n);
        assertSameCount("S_WITHIN(geometry, POLYGON((" + w + " " + s + ", " + e + " " + s + ", " + e + " " + n + ", " + w + " " + n
                        + ", " + w + " " + s + "))) AND land_use_code = '1001'",
                "ST_Within(geom, " + box + ") AND land_use_code = '1001'", w, s, e, n);

        // the same box asked latitude first in EPSG:4490 finds the same parcels
        long latFirst = filtered("S_INTERSECTS(geometry, BBOX(" + s + ", " + w + ", " + n + ", " + e + "))",
                CrsRegistry.find("EPSG:4490").orElseThrow());
        assertEquals(count(SqlStatement.of("SELECT count(*) FROM land_parcel WHERE ST_Intersects(geom, " + box + ")", w, s, e, n)),
                latFirst);
    }
}
