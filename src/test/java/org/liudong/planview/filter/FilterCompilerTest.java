package org.liudong.planview.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;

class FilterCompilerTest {
    private static final SupportedCrs EPSG_4490 = CrsRegistry.find("EPSG:4490").orElseThrow();
    private static final SupportedCrs EPSG_4545 = CrsRegistry.find("EPSG:4545").orElseThrow();
    private static final SupportedCrs EPSG_3857 = CrsRegistry.find("EPSG:3857").orElseThrow();

    static SqlStatement compile(String filter) {
        return compile(filter, CrsRegistry.CRS84);
    }

    static SqlStatement compile(String filter, SupportedCrs crs) {
        return new FilterCompiler(ParcelQueryables.FIELDS, crs).compile(Cql2Parser.parse(filter));
    }

    static FilterException error(String filter) {
        FilterException e = assertThrows(FilterException.class, () -> compile(filter), filter);
        assertEquals(400, e.status());
        return e;
    }

    @Test
    void comparisonBindsTheValue() {
        assertEquals(SqlStatement.of("(\"status\" = ?)", "已出让"), compile("status = '已出让'"));
        assertEquals(SqlStatement.of("(\"area_ha\" > ?)", 5L), compile("area_ha > 5"));
        assertEquals(SqlStatement.of("(\"area_ha\" <= ?)", new BigDecimal("2.5")), compile("area_ha <= 2.5"));
        assertEquals(SqlStatement.of("(\"plot_ratio\" <> ?)", new BigDecimal("1.25")), compile("plot_ratio <> 1.25"));
        assertEquals(SqlStatement.of("(? < \"area_m2\")", 1000L), compile("1000 < area_m2"));
        assertEquals(SqlStatement.of("(\"id\" >= ?)", 3L), compile("id >= 3"));
        assertEquals(SqlStatement.of("(\"synthetic\" = ?)", true), compile("synthetic = TRUE"));
        assertEquals(SqlStatement.of("(\"area_ha\" = ?)", 5L), compile("area_ha = 5.00"));
        assertEquals(SqlStatement.of("(\"area_m2\" < ?)", new BigDecimal("1E+30")), compile("area_m2 < 1e30"));
    }

    @Test
    void andOrNotNest() {
        assertEquals(new SqlStatement("((\"land_use_code\" IN (?, ?)) AND (\"area_ha\" > ?))", List.of("1001", "1101", 5L)),
                compile("land_use_code IN ('1001','1101') AND area_ha > 5"));
        assertEquals(new SqlStatement("((\"status\" = ?) OR ((\"status\" = ?) AND (NOT (\"synthetic\"))))", List.of("规划", "已储备")),
                compile("status = '规划' OR status = '已储备' AND NOT synthetic"));
    }

    @Test
    void likeAndCasei() {
        assertEquals(SqlStatement.of("(\"land_use_name\" LIKE ?)", "%工业%"), compile("land_use_name LIKE '%工业%'"));
        assertEquals(SqlStatement.of("(\"parcel_code\" NOT LIKE ?)", "LD-Z1-%"), compile("parcel_code NOT LIKE 'LD-Z1-%'"));
        assertEquals(SqlStatement.of("(lower(\"name_en\") LIKE lower(?))", "%Park%"), compile("CASEI(name_en) LIKE CASEI('%Park%')"));
        assertEquals(SqlStatement.of("(lower(\"name_en\") = lower(?))", "Liudong"), compile("CASEI(name_en) = CASEI('Liudong')"));
        assertEquals(SqlStatement.of("(\"name_en\" LIKE ?)", "100\\%"), compile("name_en LIKE '100\\%'"));
    }

    @Test
    void betweenInIsNull() {
        assertEquals(new SqlStatement("(\"area_ha\" BETWEEN ? AND ?)", List.of(1L, new BigDecimal("5.5"))),
                compile("area_ha BETWEEN 1 AND 5.5"));
        assertEquals(new SqlStatement("(\"area_ha\" NOT BETWEEN ? AND ?)", List.of(1L, 5L)), compile("area_ha NOT BETWEEN 1 AND 5"));
        assertEquals(new SqlStatement("(\"status\" NOT IN (?, ?))", List.of("已出让", "已储备")), compile("status NOT IN ('已出让', '已储备')"));
        assertEquals(SqlStatement.of("(\"plot_ratio\" IS NULL)"), compile("plot_ratio IS NULL"));
        assertEquals(SqlStatement.of("(\"geom\" IS NOT NULL)"), compile("geometry IS NOT NULL"));
    }

    @Test
    void temporalValuesAreTypedParameters() {
        assertEquals(SqlStatement.of("(\"approved\" >= CAST(? AS date))", Date.valueOf("2024-01-31")),
                compile("approved >= DATE('2024-01-31')"));
        assertEquals(SqlStatement.of("(\"updated\" < CAST(? AS timestamptz))", Timestamp.from(Instant.parse("2024-05-01T08:30:00Z"))),
                compile("updated < TIMESTAMP('2024-05-01T08:30:00Z')"));
        assertEquals(new SqlStatement("(\"approved\" BETWEEN CAST(? AS date) AND CAST(? AS date))",
                        List.of(Date.valueOf("2024-01-01"), Date.valueOf("2024-12-31"))),
                compile("approved BETWEEN DATE('2024-01-01') AND DATE('2024-12-31')"));
        // dates and timestamps compare with each other, as instants do
        assertEquals("(\"approved\" < CAST(? AS timestamptz))", compile("approved < TIMESTAMP('2024-01-01T12:00:00Z')").sql());
    }

    @Test
    void propertiesMayBeComparedWhenTheirTypesFit() {
        assertEquals(SqlStatement.of("(\"area_mu\" > \"area_ha\")"), compile("area_mu > area_ha"));
        assertEquals(SqlStatement.of("(\"id\" < \"area_ha\")"), compile("id < area_ha"));
        assertEquals(SqlStatement.of("ST_Equals(\"geom\", \"geom\")"), compile("S_EQUALS(geometry, geometry)"));
    }

    @Test
    void spatialLiteralInCrs84IsTransformedWithoutFlipping() {
        SqlStatement s = compile("S_INTERSECTS(geometry, POINT(109.45 24.35))");
        assertEquals("ST_Intersects(\"geom\", ST_Transform(ST_GeomFromText(?, 4326), 4490))", s.sql());
        assertEquals(List.of("POINT (109.45 24.35)"), s.params());
    }

    @Test
    void northFirstCrsIsFlippedBeforeTransforming() {
        SqlStatement s = compile("S_WITHIN(geometry, POLYGON((24.3 109.4, 24.3 109.5, 24.4 109.5, 24.4 109.4, 24.3 109.4)))", EPSG_4490);
        assertEquals("ST_Within(\"geom\", ST_Transform(ST_FlipCoordinates(ST_GeomFromText(?, 4490)), 4490))", s.sql());
        assertEquals(List.of("POLYGON ((24.3 109.4, 24.3 109.5, 24.4 109.5, 24.4 109.4, 24.3 109.4))"), s.params());

        SqlStatement gk = compile("S_CONTAINS(geometry, POINT(2694000 545000))", EPSG_4545);
        assertEquals("ST_Contains(\"geom\", ST_Transform(ST_FlipCoordinates(ST_GeomFromText(?, 4545)), 4490))", gk.sql());

        SqlStatement mercator = compile("S_INTERSECTS(geometry, POINT(12184000 2800000))", EPSG_3857);
        assertEquals("ST_Intersects(\"geom\", ST_Transform(ST_GeomFromText(?, 3857), 4490))", mercator.sql());
    }

    @Test
    void everySpatialFunctionMapsToItsPostgisPredicate() {
        for (Expression.SpatialOperator op : Expression.SpatialOperator.values()) {
            String sql = compile(op.name() + "(geometry, BBOX(109.3, 24.2, 109.5, 24.4))").sql();
            assertTrue(sql.startsWith(op.postgisFunction() + "(\"geom\", "), sql);
        }
        assertEquals(List.of("POLYGON ((109.3 24.2, 109.3 24.4, 109.5 24.4, 109.5 24.2, 109.3 24.2))"),
                compile("S_INTERSECTS(geometry, BBOX(109.3, 24.2, 109.5, 24.4))").params());
    }

    @Test
    void whatTheWebMapSends() {
        // the shape web/src/cql.js builds: no spaces after commas, 7 decimals, a closed ring in CRS84
        List<QueryableField> fields = new java.util.ArrayList<>(ParcelQueryables.FIELDS);
        fields.add(QueryableField.of("zone_id", FieldType.STRING));
        SqlStatement s = new FilterCompiler(fields, CrsRegistry.CRS84).compile(Cql2Parser.parse(
                "land_use_code IN ('1001','0701') AND status IN ('已出让') AND area_ha >= 1.5 AND area_ha <= 20 AND zone_id = 'Z1'"
                        + " AND S_INTERSECTS(geometry,POLYGON((109.4000000 24.3000000,109.5000000 24.3000000,"
                        + "109.5000000 24.4000000,109.4000000 24.3000000)))"));
        assertEquals("((\"land_use_code\" IN (?, ?)) AND (\"status\" IN (?)) AND (\"area_ha\" >= ?) AND (\"area_ha\" <= ?)"
                + " AND (\"zone_id\" = ?) AND ST_Intersects(\"geom\", ST_Transform(ST_GeomFromText(?, 4326), 4490)))", s.sql());
        assertEquals(List.of("1001", "0701", "已出让", new BigDecimal("1.5"), 20L, "Z1",
                "POLYGON ((109.4 24.3, 109.5 24.3, 109.5 24.4, 109.4 24.3))"), s.params());
        assertEquals(SqlStatement.of("(\"parcel_code\" LIKE ?)", "LD-Z1%"), compile("parcel_code LIKE 'LD-Z1%'"));
    }

    @Test
    void bareBooleans() {
        assertEquals(SqlStatement.of("(\"synthetic\")"), compile("synthetic"));
        assertEquals(SqlStatement.of("(?)", true), compile("TRUE"));
        assertEquals(SqlStatement.of("(? = ?)", 1L, 1L), compile("1 = 1"));
    }

    @Test
    void unknownPropertyNamesTheQueryables() {
        assertEquals("unknown property 'foo' at character 1; queryable properties are: id, parcel_code, land_use_code, "
                + "land_use_name, status, name_en, area_m2, area_ha, area_mu, plot_ratio, synthetic, approved, updated, geometry",
                error("foo = 1").detail());
        assertEquals(1, error("foo = 1").position().orElseThrow());
        assertTrue(error("status = '规划' AND geom IS NULL").detail().startsWith("unknown property 'geom' at character 19;"));
        // property names are exact: no case folding into another column
        assertTrue(error("STATUS = '规划'").detail().startsWith("unknown property 'STATUS'"));
    }

    @Test
    void tooManyValuesInAll() {
        String list = "(" + String.join(",", java.util.Collections.nCopies(1000, "1")) + ")";
        String filter = String.join(" OR ", java.util.Collections.nCopies(11, "id IN " + list));
        assertEquals("the filter has 11000 values; the limit is 10000", error(filter).detail());
        compile(String.join(" OR ", java.util.Collections.nCopies(10, "id IN " + list)));
    }

    @Test
    void longNamesAreShortenedInMessages() {
        String name = "x".repeat(5000);
        String detail = error("\"" + name + "\" = 1").detail();
        assertTrue(detail.startsWith("unknown property '" + "x".repeat(57) + "...' at character 1;"), detail);
        assertTrue(detail.length() < 400, detail);
        assertTrue(error(name + "(1) = 1").detail().length() < 400);
    }

    @Test
    void unknownPropertyWithOnlyALookupFunction() {
        FilterCompiler c = new FilterCompiler(name -> Optional.empty(), CrsRegistry.CRS84);
        FilterException e = assertThrows(FilterException.class, () -> c.compile(Cql2Parser.parse("x = 1")));
        assertEquals("unknown property 'x' at character 1; see the collection's queryables", e.detail());
    }

    @Test
    void typeMismatchesAreNamed() {
        assertEquals("property 'area_m2' is a number but is compared with a string at character 11", error("area_m2 = '5'").detail());
        assertEquals("property 'status' is a string but is compared with a number at character 10", error("status = 1").detail());
        assertEquals("property 'area_m2' is a number but is compared with a string at character 1", error("'5' < area_m2").detail());
        assertEquals("property 'synthetic' is a boolean but is compared with a string at character 13", error("synthetic = 'true'").detail());
        assertEquals("property 'approved' is a date but is compared with a string at character 12", error("approved > '2024-01-01'").detail());
        assertEquals("property 'status' is a string but is compared with property 'area_ha', which is a number at character 10",
                error("status = area_ha").detail());
        assertEquals("a number is compared with a string at character 5", error("1 = '1'").detail());
        assertEquals("property 'land_use_code' is a string but is compared with a number at character 35",
                error("land_use_code IN ('1001', '1101', 1201)").detail());
        assertEquals("property 'area_ha' is a number but is compared with a string at character 23",
                error("area_ha BETWEEN 1 AND '5'").detail());
    }

    @Test
    void operatorsOnTheWrongTypes() {
        assertEquals("LIKE compares strings, but property 'area_ha' at character 1 is a number", error("area_ha LIKE '5%'").detail());
        assertEquals("at character 20: the pattern after LIKE must be a string such as '%路' or CASEI('%路')",
                error("land_use_name LIKE status").detail());
        assertEquals("BETWEEN compares numbers, dates or timestamps, but property 'status' at character 1 is a string",
                error("status BETWEEN 'a' AND 'b'").detail());
        assertEquals("S_INTERSECTS compares geometries, but property 'status' at character 14 is a string",
                error("S_INTERSECTS(status, POINT(1 2))").detail());
        assertEquals("S_WITHIN compares geometries, but a string at character 20 is a string",
                error("S_WITHIN(geometry, 'POINT(1 2)')").detail());
        assertEquals("at character 10: geometries are compared with the spatial functions (S_INTERSECTS, S_EQUALS …), not with '='",
                error("geometry = POINT(1 2)").detail());
        assertEquals("at character 11: booleans can only be compared with = or <>, not with '>'", error("synthetic > FALSE").detail());
        assertEquals("property 'status' at character 1 is a string, not a boolean, so it cannot stand alone as a condition; "
                + "compare it with =, <>, LIKE, IN …", error("status").detail());
        assertEquals("CASEI(…) takes a string, but property 'area_ha' at character 7 is a number", error("CASEI(area_ha) = 5").detail());
        assertEquals("ACCENTI(…) at character 1 is not supported by this server; CASEI(…) is", error("ACCENTI(name_en) = 'x'").detail());
        assertEquals("at character 10: IN does not compare geometries; use S_EQUALS or S_INTERSECTS",
                error("geometry IN (POINT(1 2))").detail());
    }

    @Test
    void likePatternMayNotEndInTheEscapeCharacter() {
        // CQL2 text cannot spell such a string ('abc\' is an unclosed string), but a tree built
        // by other means can, and PostgreSQL would fail the query on it
        Expression like = new Expression.Like(new Expression.PropertyRef("name_en", 1),
                new Expression.Literal(FieldType.STRING, "abc\\", 14), false, 9);
        FilterException e = assertThrows(FilterException.class,
                () -> new FilterCompiler(ParcelQueryables.FIELDS, CrsRegistry.CRS84).compile(like));
        assertTrue(e.detail().startsWith("at character 14: the LIKE pattern ends with the escape character"), e.detail());
        assertEquals("at character 14: the string is not closed with a quote (')", error("name_en LIKE 'abc\\'").detail());
    }

    @Test
    void coordinatesOutsideTheFilterCrsAreRefused() {
        FilterException latFirst = assertThrows(FilterException.class,
                () -> compile("S_INTERSECTS(geometry, POINT(109.45 24.35))", EPSG_4490));
        assertEquals("at character 24: the coordinate (109.45 24.35) is outside EPSG:4490: latitude must lie within ±90 and "
                + "longitude within ±180 degrees; EPSG:4490 takes latitude first", latFirst.detail());

        FilterException crs84 = assertThrows(FilterException.class, () -> compile("S_INTERSECTS(geometry, BBOX(100, 95, 110, 96))"));
        assertTrue(crs84.detail().contains("CRS84 takes longitude first"), crs84.detail());

        // PostGIS would fail the query with "Point outside of projection domain"
        FilterException gk = assertThrows(FilterException.class,
                () -> compile("S_INTERSECTS(geometry, POINT(545000 2694000))", EPSG_4545));
        assertEquals("at character 24: the coordinate (545000 2694000) is outside EPSG:4545: the easting must lie within "
                + "-500000…1500000 and the northing within ±10000000 metres; EPSG:4545 takes northing first", gk.detail());

        SupportedCrs zone36 = CrsRegistry.find("EPSG:4524").orElseThrow();
        assertThrows(FilterException.class, () -> compile("S_INTERSECTS(geometry, POINT(2694000 545000))", zone36));
        compile("S_INTERSECTS(geometry, POINT(2694000 36545000))", zone36);

        assertThrows(FilterException.class, () -> compile("S_INTERSECTS(geometry, POINT(3e7 0))", EPSG_3857));
    }
}
