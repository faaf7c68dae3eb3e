package org.liudong.planview.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.testing.TestDatabase;

/**
 * Compiled filters run against a small table in the throwaway PostGIS, and the rows they return
 * are checked. The table is this test's own (created here, dropped after).
 * <pre>
 *  24.41 ┤                             ┌─4─┐   1, 2, 3, 4: squares of 0.01°; 1 and 2 share an edge
 *  24.36 ┤              ┌─3─┐          └───┘   5: a line across 3 at 24.357
 *  24.357┤          5━━━┿━━━┿━━           6: a point inside 3
 *  24.35 ┤              └───┘
 *  24.31 ┤ ┌─1─┬─2─┐
 *  24.30 ┤ └───┴───┘
 *        109.40  .42     109.45 .46       109.50 .51
 * </pre>
 */
class FilterDatabaseTest {
    private static final String TABLE = "filter_test_parcel";
    private static final SupportedCrs EPSG_4490 = CrsRegistry.find("EPSG:4490").orElseThrow();
    private static final SupportedCrs EPSG_4545 = CrsRegistry.find("EPSG:4545").orElseThrow();
    private static final SupportedCrs EPSG_3857 = CrsRegistry.find("EPSG:3857").orElseThrow();
    private static final String SQUARE_3 = "POLYGON((109.45 24.35, 109.46 24.35, 109.46 24.36, 109.45 24.36, 109.45 24.35))";

    private static DataSource db;

    @BeforeAll
    static void createTable() throws SQLException {
        db = TestDatabase.dataSource();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("""
                    CREATE TABLE filter_test_parcel (
                      id integer PRIMARY KEY, parcel_code text, land_use_code text, land_use_name text, status text,
                      name_en text, area_m2 double precision, area_ha numeric, area_mu double precision, plot_ratio numeric,
                      synthetic boolean, approved date, updated timestamptz, geom geometry(Geometry, 4490))""");
            s.execute("""
                    INSERT INTO filter_test_parcel VALUES
                    (1, 'LD-Z1-0001', '1001', '工业用地', '已出让', 'Automobile Park North', 125000, 12.5, 187.5, 1.2,
                     true, '2023-03-15', '2024-05-01T08:00:00Z',
                     ST_GeomFromText('POLYGON((109.40 24.30, 109.41 24.30, 109.41 24.31, 109.40 24.31, 109.40 24.30))', 4490)),
                    (2, 'LD-Z1-0002', '1101', '物流仓储用地', '已储备', 'Logistics Park', 62000, 6.2, 93, NULL,
                     true, '2024-06-30', '2024-07-01T00:00:00Z',
                     ST_GeomFromText('POLYGON((109.41 24.30, 109.42 24.30, 109.42 24.31, 109.41 24.31, 109.41 24.30))', 4490)),
                    (3, 'LD-Z2-0003', '0701', '城镇住宅用地', '规划', 'Guantang Residential', 31000, 3.1, 46.5, 2.5,
                     false, '2025-01-10', '2025-01-10T12:00:00Z', ST_GeomFromText('""" + SQUARE_3 + """
                    ', 4490)),
                    (4, 'LD-Z3-0004', '1401', '公园绿地', '规划', 'Riverside park', 8000, 0.8, 12, NULL,
                     true, NULL, NULL,
                     ST_GeomFromText('POLYGON((109.50 24.40, 109.51 24.40, 109.51 24.41, 109.50 24.41, 109.50 24.40))', 4490)),
                    (5, 'LD-Z3-0005', '1207', '城镇道路用地', '已出让', 'O''Brien''s Road', 44000, 4.4, 66, 3.0,
                     false, '2024-01-01', '2024-01-01T00:00:00Z',
                     ST_GeomFromText('LINESTRING(109.44 24.357, 109.47 24.357)', 4490)),
                    (6, 'LD-Z2-0006', '1001', '工业用地', '已储备', 'Pump station', 0, 0, 0, NULL,
                     true, NULL, NULL, ST_GeomFromText('POINT(109.452 24.352)', 4490))""");
        }
    }

    @AfterAll
    static void dropTable() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    static List<Integer> ids(String filter) throws SQLException {
        return ids(filter, CrsRegistry.CRS84);
    }

    static List<Integer> ids(String filter, SupportedCrs crs) throws SQLException {
        SqlStatement where = new FilterCompiler(ParcelQueryables.FIELDS, crs).compile(Cql2Parser.parse(filter));
        SqlStatement query = new SqlStatement("SELECT id FROM " + TABLE + " WHERE " + where.sql() + " ORDER BY id", where.params());
        List<Integer> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ids.add(rs.getInt(1));
        }
        return ids;
    }

    /** A storage (EPSG:4490, lon/lat) point in another CRS, as PostGIS computes it: {x, y} with x = east. */
    static double[] inCrs(double lon, double lat, int srid) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4490), ?) AS p")) {
            ps.setDouble(1, lon);
            ps.setDouble(2, lat);
            ps.setInt(3, srid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    @Test
    void comparisonsOnChineseTextAndNumbers() throws SQLException {
        assertEquals(List.of(1, 2), ids("land_use_code IN ('1001','1101') AND area_ha > 5"));
        assertEquals(List.of(1, 5), ids("status = '已出让'"));
        assertEquals(List.of(3, 4, 5), ids("status <> '已储备' AND area_ha < 5 OR id = 3"));
        assertEquals(List.of(1, 3), ids("plot_ratio <= 2.5"));
        assertEquals(List.of(5), ids("name_en = 'O''Brien''s Road'"));
        assertEquals(List.of(1, 2, 3, 4, 5), ids("area_mu > area_ha"));
        assertEquals(List.of(4, 5, 6), ids("id NOT IN (1, 2, 3)"));
        assertEquals(List.of(1, 2), ids("area_m2 >= 6.2e4"));
    }

    @Test
    void precedenceAndGrouping() throws SQLException {
        assertEquals(List.of(2, 3, 4), ids("status = '规划' OR status = '已储备' AND area_ha > 1"));
        assertEquals(List.of(2, 3), ids("(status = '规划' OR status = '已储备') AND area_ha > 1"));
        assertEquals(List.of(3, 5), ids("NOT synthetic"));
        assertEquals(List.of(1, 2, 4, 6), ids("synthetic"));
        assertEquals(List.of(3, 5), ids("synthetic = FALSE"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ids("1 = 1"));
    }

    @Test
    void likeWithWildcardsAndCasei() throws SQLException {
        assertEquals(List.of(1, 2, 3, 5, 6), ids("land_use_name LIKE '%用地'"));
        assertEquals(List.of(1, 6), ids("land_use_name LIKE '__用地'"));
        assertEquals(List.of(1, 2, 4, 6), ids("land_use_name NOT LIKE '城镇%'"));
        assertEquals(List.of(1, 2), ids("name_en LIKE '%Park%'"));
        assertEquals(List.of(1, 2, 4), ids("CASEI(name_en) LIKE CASEI('%PARK%')"));
        assertEquals(List.of(4), ids("CASEI(name_en) = casei('RIVERSIDE PARK')"));
        assertEquals(List.of(5), ids("name_en LIKE '%''%'"));
    }

    @Test
    void betweenAndNulls() throws SQLException {
        assertEquals(List.of(2, 3, 5), ids("area_ha BETWEEN 3 AND 7"));
        assertEquals(List.of(1, 4, 6), ids("area_ha NOT BETWEEN 3 AND 7"));
        assertEquals(List.of(2, 4, 6), ids("plot_ratio IS NULL"));
        assertEquals(List.of(1, 3, 5), ids("plot_ratio IS NOT NULL"));
    }

    @Test
    void datesAndTimestamps() throws SQLException {
        assertEquals(List.of(2, 3, 5), ids("approved >= DATE('2024-01-01')"));
        assertEquals(List.of(2, 5), ids("approved BETWEEN DATE('2024-01-01') AND DATE('2024-12-31')"));
        assertEquals(List.of(1, 5), ids("updated < TIMESTAMP('2024-06-01T00:00:00Z')"));
        // the same instant written in Beijing time
        assertEquals(List.of(1), ids("updated = TIMESTAMP('2024-05-01T16:00:00+08:00')"));
        assertEquals(List.of(4, 6), ids("updated IS NULL"));
        assertEquals(List.of(1, 5), ids("approved < TIMESTAMP('2024-01-02T00:00:00Z')"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ids("DATE('2024-01-01') < DATE('2024-02-01')"));
        assertEquals(List.of(), ids("TIMESTAMP('2024-01-01T00:00:00Z') = TIMESTAMP('2024-01-01T00:00:01Z')"));
    }

    @Test
    void spatialFunctionsInCrs84() throws SQLException {
        assertEquals(List.of(1), ids("S_INTERSECTS(geometry, POINT(109.405 24.305))"));
        assertEquals(List.of(1, 2), ids("S_INTERSECTS(geometry, BBOX(109.395, 24.295, 109.425, 24.315))"));
        assertEquals(List.of(1), ids("S_WITHIN(geometry, BBOX(109.395, 24.295, 109.415, 24.315))"));
        assertEquals(List.of(3, 6), ids("S_WITHIN(geometry, BBOX(109.445, 24.345, 109.465, 24.365))"));
        assertEquals(List.of(2), ids("S_TOUCHES(geometry, POLYGON((109.40 24.30, 109.41 24.30, 109.41 24.31, 109.40 24.31, 109.40 24.30)))"));
        assertEquals(List.of(3), ids("S_EQUALS(geometry, " + SQUARE_3 + ")"));
        assertEquals(List.of(3, 4, 5, 6), ids("S_DISJOINT(geometry, BBOX(109.395, 24.295, 109.425, 24.315))"));
        assertEquals(List.of(3, 5), ids("S_CROSSES(geometry, LINESTRING(109.455 24.34, 109.455 24.37))"));
        assertEquals(List.of(4), ids("S_OVERLAPS(geometry, POLYGON((109.505 24.405, 109.52 24.405, 109.52 24.42, 109.505 24.42, 109.505 24.405)))"));
        assertEquals(List.of(4), ids("S_CONTAINS(geometry, POINT(109.505 24.405))"));
        assertEquals(List.of(3), ids("S_CONTAINS(" + SQUARE_3 + ", POINT(109.456 24.354)) AND id = 3"));
        assertEquals(List.of(3, 5, 6), ids("S_INTERSECTS(geometry, MULTIPOINT((109.456 24.354), (109.441 24.357), (109.452 24.352)))"));
        assertEquals(List.of(1, 3, 6), ids("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(109.405 24.305), "
                + "POLYGON Z((109.451 24.351 0, 109.453 24.351 0, 109.453 24.353 0, 109.451 24.351 0))))"));
        assertEquals(List.of(1, 2), ids("S_INTERSECTS(geometry, BBOX(109.395, 24.295, 109.425, 24.315)) AND synthetic = TRUE"
                + " AND land_use_code IN ('1001', '1101')"));
    }

    @Test
    void spatialFunctionsInLatitudeFirstEpsg4490() throws SQLException {
        assertEquals(List.of(1), ids("S_INTERSECTS(geometry, POINT(24.305 109.405))", EPSG_4490));
        assertEquals(List.of(1, 2), ids("S_INTERSECTS(geometry, BBOX(24.295, 109.395, 24.315, 109.425))", EPSG_4490));
        assertEquals(List.of(3, 5), ids("S_CROSSES(geometry, LINESTRING(24.34 109.455, 24.37 109.455))", EPSG_4490));
        // written longitude first, it is a latitude of 109°: the caller's mistake, said as such
        FilterException e = assertThrows(FilterException.class, () -> ids("S_INTERSECTS(geometry, POINT(109.405 24.305))", EPSG_4490));
        assertEquals(400, e.status());
    }

    @Test
    void spatialFunctionsInProjectedNorthFirstEpsg4545() throws SQLException {
        double[] inside3 = inCrs(109.456, 24.354, 4545);
        assertEquals(List.of(3), ids("S_INTERSECTS(geometry, POINT(" + inside3[1] + " " + inside3[0] + "))", EPSG_4545));

        // square 3 ±50 m, as BBOX(min northing, min easting, max northing, max easting)
        double[] sw = inCrs(109.45, 24.35, 4545), ne = inCrs(109.46, 24.36, 4545);
        double[] nw = inCrs(109.45, 24.36, 4545), se = inCrs(109.46, 24.35, 4545);
        double minE = Math.min(sw[0], nw[0]) - 50, maxE = Math.max(se[0], ne[0]) + 50;
        double minN = Math.min(sw[1], se[1]) - 50, maxN = Math.max(nw[1], ne[1]) + 50;
        assertEquals(List.of(3, 6), ids("S_WITHIN(geometry, BBOX(" + minN + ", " + minE + ", " + maxN + ", " + maxE + "))", EPSG_4545));

        // easting first is outside the zone: a 400, not "Point outside of projection domain" from PostGIS
        assertThrows(FilterException.class, () -> ids("S_INTERSECTS(geometry, POINT(" + inside3[0] + " " + inside3[1] + "))", EPSG_4545));
    }

    @Test
    void spatialFunctionsInWebMercator() throws SQLException {
        double[] inside4 = inCrs(109.505, 24.405, 3857);
        assertEquals(List.of(4), ids("S_INTERSECTS(geometry, POINT(" + inside4[0] + " " + inside4[1] + "))", EPSG_3857));
    }

    @Test
    void theEdgesOfTheCoordinateDomainsStillRun() throws SQLException {
        assertEquals(List.of(), ids("S_INTERSECTS(geometry, BBOX(-180, -90, -179, -89))"));
        assertEquals(List.of(), ids("S_INTERSECTS(geometry, POLYGON((-10000000 -500000, -10000000 -499000, -9999000 -499000, "
                + "-9999000 -500000, -10000000 -500000)))", EPSG_4545));
        assertEquals(List.of(), ids("S_INTERSECTS(geometry, POINT(10000000 1500000))", EPSG_4545));
        assertEquals(List.of(), ids("S_INTERSECTS(geometry, BBOX(-20037508.342789244, -20048966.1040146, -20037000, -20048000))",
                EPSG_3857));
    }

    @Test
    void hostileValuesAreJustValues() throws SQLException {
        assertEquals(List.of(), ids("status = 'x''; DROP TABLE filter_test_parcel; --'"));
        assertEquals(List.of(), ids("name_en LIKE '%\\'; DELETE FROM filter_test_parcel; --'"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ids("status = 'x' OR 1=1"));
        assertEquals(6, ids("TRUE").size(), "the table is still there, whole");
    }
}
