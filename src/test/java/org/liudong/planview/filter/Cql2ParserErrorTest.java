package org.liudong.planview.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every syntax error is a 400 that says what is wrong and at which character. */
class Cql2ParserErrorTest {

    static FilterException error(String filter) {
        FilterException e = assertThrows(FilterException.class, () -> Cql2Parser.parse(filter), filter);
        assertEquals(400, e.status());
        assertEquals("Bad Request", e.title());
        return e;
    }

    static void assertError(String filter, String detail) {
        assertEquals(detail, error(filter).detail(), filter);
    }

    static void assertErrorAt(String filter, int position, String fragment) {
        FilterException e = error(filter);
        assertEquals(position, e.position().orElse(-1), filter + " → " + e.detail());
        assertTrue(e.detail().contains(fragment), filter + " → " + e.detail());
    }

    @Test
    void missingValueNamesWhatCameInstead() {
        assertError("area_ha > 5 AND x = AND y = 1", "at character 21: expected a value after '=' but found 'AND'");
        assertError("area_ha >", "at character 10: expected a value after '>' but found the end of the filter");
        assertError("= 5", "at character 1: expected a condition but found '='");
    }

    @Test
    void emptyAndBlank() {
        assertError("", "the filter is empty");
        assertError("   ", "the filter is empty");
        assertEquals("the filter is empty", assertThrows(FilterException.class, () -> Cql2Parser.parse(null)).detail());
    }

    @Test
    void unbalancedParentheses() {
        assertError("(a = 1 OR b = 2", "at character 16: expected ')' to close the '(' at character 1 but found the end of the filter");
        assertError("a = 1)", "at character 6: expected AND, OR or the end of the filter but found ')'");
        assertError("()", "at character 2: expected a condition but found ')'");
    }

    @Test
    void trailingWords() {
        assertError("a = 1 b = 2", "at character 7: expected AND, OR or the end of the filter but found 'b'");
        assertError("a = 1 AND", "at character 10: expected a condition but found the end of the filter");
        assertError("name_zh '柳东'", "at character 9: expected a comparison (=, <>, <, <=, >, >=, LIKE, BETWEEN, IN or IS NULL) "
                + "after the property 'name_zh' but found the string '柳东'");
        assertErrorAt("'柳东'", 5, "expected a comparison");
    }

    @Test
    void unclosedStringsAndNames() {
        assertError("name_zh = '柳东", "at character 11: the string is not closed with a quote (')");
        assertError("\"name_zh = 1", "at character 1: the quoted property name is not closed with '\"'");
        assertError("\"\" = 1", "at character 1: empty property name \"\"");
    }

    @Test
    void charactersCql2DoesNotHave() {
        assertError("a != 1", "at character 3: unexpected character '!' (CQL2 writes 'not equal' as <>)");
        assertError("a = 1; b = 2", "at character 6: unexpected character ';' (a filter is one expression)");
        assertError("a = 1 -- comment", "at character 7: unexpected character '-' (CQL2 has no comments, and arithmetic is not supported)");
        assertErrorAt("状态 ＝ '规划'", 4, "full-width equals sign");
        assertErrorAt("状态 = ‘规划’", 6, "typographic quote");
        assertErrorAt("（状态 = '规划'）", 1, "full-width parenthesis");
        assertErrorAt("a = 1 \u0000", 7, "U+0000");
        assertErrorAt("a = 'x\u0000y'", 7, "U+0000");
        assertErrorAt("a = 5x", 6, "right after the number 5");
        assertErrorAt("a = -", 5, "unexpected character '-'");
        assertErrorAt("a = 1 * 2", 7, "unexpected character '*'");
    }

    @Test
    void nullIsNotAValue() {
        assertError("plot_ratio = NULL", "at character 14: expected a value after '=' but found NULL (test for it with IS NULL)");
        assertError("plot_ratio IS 5", "at character 15: expected NULL after IS but found '5'");
        assertError("plot_ratio IS NOT x", "at character 19: expected NULL after IS NOT but found 'x'");
    }

    @Test
    void notNeedsLikeBetweenOrIn() {
        assertError("a NOT = 1", "at character 7: expected LIKE, BETWEEN or IN after NOT but found '='");
        assertError("NOT", "at character 4: expected a condition but found the end of the filter");
    }

    @Test
    void betweenAndInShapes() {
        assertError("a BETWEEN 1 OR 5", "at character 13: expected AND in BETWEEN … AND … but found 'OR'");
        assertError("a BETWEEN 1 AND", "at character 16: expected a value after BETWEEN … AND but found the end of the filter");
        assertError("a IN 1", "at character 6: expected '(' after IN but found '1'");
        assertError("a IN ()", "at character 7: expected a value in the IN list but found ')'");
        assertError("a IN ('1', )", "at character 12: expected a value in the IN list but found ')'");
        assertError("a IN ('1' '2')", "at character 11: expected ')' to close the IN list but found the string '2'");
    }

    @Test
    void badTemporalLiterals() {
        assertError("d = DATE('2024-02-30')", "at character 10: '2024-02-30' is not a date; write DATE('YYYY-MM-DD'), e.g. DATE('2024-05-01')");
        assertErrorAt("d = DATE('24-1-1')", 10, "is not a date");
        assertErrorAt("d = DATE('0000-01-01')", 10, "is not a date");
        assertErrorAt("d = DATE(20240101)", 10, "DATE(…) takes a date such as '2024-05-01' but found '20240101'");
        assertErrorAt("t = TIMESTAMP('2024-05-01 08:00')", 15, "is not a timestamp");
        assertErrorAt("t = TIMESTAMP('2024-05-01T25:00:00Z')", 15, "is not a timestamp");
        assertErrorAt("d = DATE('2024-01-01'", 22, "expected ')' to close DATE(…)");
    }

    @Test
    void unknownAndUnsupportedFunctions() {
        assertError("upper(name_en) = 'X'", "unknown function upper at character 1; supported are CASEI, DATE, TIMESTAMP, BBOX, "
                + "the WKT geometry types and [S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN, S_OVERLAPS, S_CROSSES, S_CONTAINS]");
        assertErrorAt("T_BEFORE(d, DATE('2024-01-01'))", 1, "temporal function T_BEFORE at character 1 is not supported");
        assertErrorAt("S_DWITHIN(geom, POINT(1 2), 10)", 1, "unknown spatial function S_DWITHIN");
        assertErrorAt("pg_sleep(10) = 1", 1, "unknown function pg_sleep");
        assertErrorAt("synthetic = S_INTERSECTS(geom, POINT(1 2))", 13, "S_INTERSECTS(…) at character 13 is a condition, not a value");
    }

    @Test
    void spatialFunctionShapes() {
        assertError("S_INTERSECTS(geom POINT(1 2))", "at character 19: expected ',' between the two arguments of S_INTERSECTS but found 'POINT'");
        assertError("S_INTERSECTS(geom, POINT(1 2)", "at character 30: expected ')' to close S_INTERSECTS(…) but found the end of the filter");
        assertError("S_WITHIN(, geom)", "at character 10: expected a geometry as the first argument of S_WITHIN but found ','");
    }

    @Test
    void badWkt() {
        assertErrorAt("S_INTERSECTS(geom, POINT(1))", 20, "is not valid WKT");
        assertErrorAt("S_INTERSECTS(geom, POINT(1 2)", 30, "expected ')'");
        assertErrorAt("S_INTERSECTS(geom, POINT(1 2, 3 4))", 20, "is not valid WKT");
        assertErrorAt("S_INTERSECTS(geom, POLYGON((0 0, 1 0, 0 0)))", 20, "the POLYGON is not valid: a line or ring has too few distinct points near (0 0)");
        assertErrorAt("S_INTERSECTS(geom, POLYGON((0 0, 1 0, 1 1, 0 1)))", 20, "is not valid WKT: a ring does not end where it starts");
        assertErrorAt("S_INTERSECTS(geom, POINT EMPTY)", 20, "empty geometries (POINT EMPTY) are not supported");
        assertErrorAt("S_INTERSECTS(geom, POINT(1 'x'))", 28, "found the string 'x' inside the POINT geometry, where WKT has only numbers");
        assertErrorAt("S_INTERSECTS(geom, POINT(1 2", 20, "the POINT geometry is not closed with ')'");
        assertErrorAt("S_INTERSECTS(geom, CIRCLE(1 2))", 20, "unknown function CIRCLE");
        assertErrorAt("S_INTERSECTS(geom, POINT(1e400 2))", 20, "not a finite number");
    }

    @Test
    void invalidPolygonsAreRefusedBeforePostgisSeesThem() {
        // a bow-tie: PostGIS/GEOS predicates may fail on it, so it must not get that far
        FilterException e = error("S_INTERSECTS(geom, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))");
        assertEquals("at character 20: the POLYGON is not valid: its boundary crosses itself near (0.5 0.5)", e.detail());
    }

    @Test
    void overlappingPolygonsInACollectionAreRefused() {
        // GEOS answers every predicate on such a collection with a TopologyException
        assertErrorAt("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POLYGON((0 0, 2 0, 2 2, 0 0)), POLYGON((1 0, 3 0, 3 2, 1 0))))",
                20, "the polygons of the GEOMETRYCOLLECTION overlap");
        assertErrorAt("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(9 9), GEOMETRYCOLLECTION(POLYGON((0 0, 2 0, 2 2, 0 0))), "
                + "MULTIPOLYGON(((1 0, 3 0, 3 2, 1 0)))))", 20, "overlap");
        // sharing an edge is fine
        Cql2Parser.parse("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POLYGON((0 0, 1 0, 1 1, 0 0)), POLYGON((1 0, 2 0, 1 1, 1 0))))");
    }

    @Test
    void badBbox() {
        assertErrorAt("S_INTERSECTS(geom, BBOX(1, 2, 3))", 20, "BBOX takes 4 numbers (or 6 with heights), not 3");
        assertErrorAt("S_INTERSECTS(geom, BBOX(1, 2, 3, 4, 5, 6, 7))", 43, "BBOX takes 4 numbers");
        assertErrorAt("S_INTERSECTS(geom, BBOX(3, 2, 1, 4))", 20, "minimum before the maximum");
        assertErrorAt("S_INTERSECTS(geom, BBOX(1, 'a', 3, 4))", 28, "expected a number in BBOX(…)");
    }

    @Test
    void reservedWordsAreNotPropertyNames() {
        assertError("AND = 1", "at character 1: expected a condition but found 'AND'");
        assertError("a = 1 OR OR b = 2", "at character 10: expected a condition but found 'OR'");
    }

    @Test
    void limitsAreNamed() {
        String tooLong = "name_zh = '" + "柳".repeat(FilterLimits.MAX_TEXT_LENGTH) + "'";
        assertEquals("the filter is " + tooLong.length() + " characters long; the limit is 100000", error(tooLong).detail());

        String deep = "(".repeat(41) + "a = 1" + ")".repeat(41);
        assertError(deep, "at character 41: the filter nests parentheses, NOT and functions more than 40 levels deep, the limit");
        assertErrorAt("NOT ".repeat(60) + "a = 1", 161, "more than 40 levels deep");
        // deep enough to overflow the stack if nothing stopped it
        assertErrorAt("(".repeat(50_000), 41, "more than 40 levels deep");

        StringBuilder in = new StringBuilder("land_use_code IN (");
        for (int i = 0; i <= FilterLimits.MAX_IN_LIST_SIZE; i++) in.append(i == 0 ? "" : ",").append("'").append(i).append("'");
        in.append(")");
        assertErrorAt(in.toString(), in.indexOf("'1000'") + 1, "the IN list has more than 1000 values, the limit");

        String many = String.join(" OR ", java.util.Collections.nCopies(501, "a = 1"));
        assertErrorAt(many, 500 * 9 + 1, "more than 500 conditions, the limit");

        StringBuilder line = new StringBuilder("S_INTERSECTS(geom, LINESTRING(");
        for (int i = 0; i <= FilterLimits.MAX_VERTICES; i++) line.append(i == 0 ? "" : ",").append(i).append(" 0");
        line.append("))");
        assertErrorAt(line.toString(), 20, "more than 10000 vertices, the limit");

        assertErrorAt("a = 1e101", 5, "is out of range (at most 100 digits before or after the decimal point)");
        assertErrorAt("a = 1e-101", 5, "is out of range");
        assertErrorAt("a = 1e999999999", 5, "is out of range");
    }
}
