package org.liudong.planview.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.db.SqlStatement;

/**
 * Hostile filters: each is either refused with a FilterException (a 400) or compiles to SQL in
 * which the hostile text is only a bound parameter. Never another exception (that would be a 500).
 */
class FilterInjectionTest {

    /** Fails unless the SQL holds nothing but catalogue columns, placeholders and our own words. */
    static void assertOnlyTrustedSql(SqlStatement s) {
        String rest = s.sql();
        for (QueryableField f : ParcelQueryables.FIELDS) rest = rest.replace(f.column(), "");
        assertFalse(rest.contains("'") || rest.contains("\"") || rest.contains(";") || rest.contains("--") || rest.contains("/*"),
                "untrusted text in SQL: " + s.sql());
        assertTrue(rest.matches("[A-Za-z_0-9(),?=<> ]*"), "unexpected SQL text: " + s.sql());
    }

    static SqlStatement compile(String filter) {
        return new FilterCompiler(ParcelQueryables.FIELDS, CrsRegistry.CRS84).compile(Cql2Parser.parse(filter));
    }

    static FilterException refused(String filter) {
        return assertThrows(FilterException.class, () -> compile(filter), filter);
    }

    @Test
    void quotesInStringsStayInTheParameter() {
        SqlStatement s = compile("status = 'x''; DROP TABLE land_parcel; --'");
        assertEquals(SqlStatement.of("(\"status\" = ?)", "x'; DROP TABLE land_parcel; --"), s);

        SqlStatement backslash = compile("name_en LIKE '%\\'; DELETE FROM land_parcel; --'");
        assertEquals(List.of("%'; DELETE FROM land_parcel; --"), backslash.params());
        assertOnlyTrustedSql(backslash);

        SqlStatement tautology = compile("status = 'x' OR 1=1");
        assertEquals(new SqlStatement("((\"status\" = ?) OR (? = ?))", List.of("x", 1L, 1L)), tautology);
    }

    @Test
    void sqlSyntaxIsNotCql2() {
        List<String> attempts = List.of(
                "status = 'x' OR 1=1 --",
                "status = 'x' OR 1=1 -- '",
                "status = 'x'; DROP TABLE land_parcel",
                "status = 'x' UNION SELECT usename FROM pg_user",
                "status = 'x' /* comment */",
                "status = $$x$$",
                "status = E'\\x27'",
                "status = U&'\\0441'",
                "area_ha > 5) OR (1=1",
                "area_ha > 5 OR id = 1e1000",
                "status = 'x'::text",
                "status || 'x' = 'x'",
                "status = 'x' AND pg_sleep(10) IS NULL",
                "S_INTERSECTS(geometry, POINT(1 2)); DELETE FROM land_parcel",
                "S_INTERSECTS(geometry, POINT(1 2)'), 4326)) OR (1=1",
                "S_INTERSECTS(geometry, ST_GeomFromText('POINT(1 2)'))",
                "S_INTERSECTS(geometry, POINT(1 2) OR 1=1)",
                "land_use_code IN (SELECT code FROM land_use_class)",
                "area_ha BETWEEN 1 AND (SELECT 5)",
                "status = 'x' OR id IN (1, 2)) --");
        for (String a : attempts) refused(a);
    }

    @Test
    void identifiersComeOnlyFromTheCatalogue() {
        assertTrue(refused("\"status\\\" = 1; DROP TABLE x; --\" = 'a'").detail().contains("unexpected character ';'"));
        assertTrue(refused("\"status\\\" = 'a'").detail().startsWith("unknown property 'status\\'"));
        assertTrue(refused("\"geom\" IS NULL").detail().startsWith("unknown property 'geom'"), "the column is not the property");
        assertTrue(refused("\"status\"\"\" = 'x'").detail().contains("empty property name"));
        assertTrue(refused("\"sta\"\"tus\" = 'x'").detail().contains("expected"));
        assertTrue(refused("\"status; --\" = 'x'").detail().startsWith("unknown property 'status; --'"));
        assertTrue(refused("land_parcel.status = 'x'").detail().startsWith("unknown property 'land_parcel.status'"));
        assertTrue(refused("pg_catalog.pg_user = 'x'").detail().startsWith("unknown property"));
    }

    @Test
    void unicodeTricks() {
        // zero-width space, right-to-left override, full-width letters, NUL, lone surrogate
        refused("sta\u200Btus = 'x'");
        refused("status\u202E = 'x'");
        assertTrue(refused("ｓｔａｔｕｓ = 'x'").detail().startsWith("unknown property 'ｓｔａｔｕｓ'"));
        refused("status = 'x\u0000'");
        refused("status = 'x' \uD800");
        SqlStatement emoji = compile("status = '\uD83D\uDE00柳东\u202E'");
        assertEquals(List.of("\uD83D\uDE00柳东\u202E"), emoji.params());
    }

    @Test
    void filterParametersOtherThanTheText() {
        assertEquals("filter-crs 'EPSG:4326); DROP TABLE x; --' is not supported; use one of " + String.join(", ",
                        CrsRegistry.all().stream().map(c -> c.uri()).toList()),
                assertThrows(FilterException.class,
                        () -> Cql2Filter.toSql("status = 'x'", null, "EPSG:4326); DROP TABLE x; --", ParcelQueryables.FIELDS)).detail());
        assertEquals("filter-lang 'cql2-json' is not supported; this server reads cql2-text",
                assertThrows(FilterException.class,
                        () -> Cql2Filter.toSql("status = 'x'", "cql2-json", null, ParcelQueryables.FIELDS)).detail());
        FilterException longLang = assertThrows(FilterException.class,
                () -> Cql2Filter.toSql("status = 'x'", "x".repeat(10_000), null, ParcelQueryables.FIELDS));
        assertTrue(longLang.detail().length() < 200, "the echo is shortened");
    }

    /**
     * Cut, duplicated and swapped pieces of valid filters: the parser and compiler must answer
     * every one with SQL or a FilterException, never with another exception.
     */
    @Test
    void mangledFiltersNeverEscapeAsAnotherException() {
        List<String> seeds = List.of(
                "land_use_code IN ('1001','1101') AND area_ha > 5",
                "status = '已出让' OR NOT (plot_ratio BETWEEN 1.0 AND 2.5)",
                "CASEI(name_en) LIKE CASEI('%park%') AND approved >= DATE('2024-01-01')",
                "S_INTERSECTS(geometry, POLYGON((109.4 24.3, 109.5 24.3, 109.5 24.4, 109.4 24.3)))",
                "S_WITHIN(geometry, BBOX(109.3, 24.2, 109.5, 24.4)) AND synthetic = TRUE",
                "updated < TIMESTAMP('2024-05-01T08:30:00Z') AND plot_ratio IS NOT NULL",
                "\"parcel_code\" NOT LIKE 'LD-%' AND id NOT IN (1, 2, 3)");
        String junk = "()'\",=<>-.;%_\\ eE0123456789ANDORNOTLIKEINISNULLBETWEENPOINT柳\u0000\u3000";
        Random random = new Random(20261201);
        int compiled = 0;
        for (int round = 0; round < 3000; round++) {
            String s = seeds.get(random.nextInt(seeds.size()));
            StringBuilder b = new StringBuilder(s);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && b.length() > 0; e++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, junk.charAt(random.nextInt(junk.length())));
                    default -> b.setCharAt(at, junk.charAt(random.nextInt(junk.length())));
                }
            }
            try {
                assertOnlyTrustedSql(compile(b.toString()));
                compiled++;
            } catch (FilterException expected) {
                assertEquals(400, expected.status());
                assertFalse(expected.detail().isBlank());
            } catch (RuntimeException | StackOverflowError other) {
                fail("'" + b + "' escaped as " + other, other);
            }
        }
        assertTrue(compiled > 0, "some mangled filters are still valid");
    }
}
