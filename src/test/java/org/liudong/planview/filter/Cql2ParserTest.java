package org.liudong.planview.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liudong.planview.filter.Expression.And;
import org.liudong.planview.filter.Expression.Between;
import org.liudong.planview.filter.Expression.BooleanValue;
import org.liudong.planview.filter.Expression.CaseInsensitive;
import org.liudong.planview.filter.Expression.Comparison;
import org.liudong.planview.filter.Expression.ComparisonOperator;
import org.liudong.planview.filter.Expression.In;
import org.liudong.planview.filter.Expression.IsNull;
import org.liudong.planview.filter.Expression.Like;
import org.liudong.planview.filter.Expression.Literal;
import org.liudong.planview.filter.Expression.Not;
import org.liudong.planview.filter.Expression.Or;
import org.liudong.planview.filter.Expression.PropertyRef;
import org.liudong.planview.filter.Expression.Spatial;
import org.liudong.planview.filter.Expression.SpatialOperator;
import org.locationtech.jts.geom.Geometry;

class Cql2ParserTest {

    @Test
    void comparisonWithEachOperator() {
        for (ComparisonOperator op : ComparisonOperator.values()) {
            Comparison c = (Comparison) Cql2Parser.parse("area_ha " + op.symbol() + " 5");
            assertEquals(new PropertyRef("area_ha", 1), c.left());
            assertEquals(op, c.operator());
            assertEquals(new Literal(FieldType.NUMBER, new BigDecimal("5"), 10 + op.symbol().length()), c.right());
        }
    }

    @Test
    void stringsKeepChineseAndDoubledQuotes() {
        Comparison c = (Comparison) Cql2Parser.parse("name_zh = '柳东''新区'");
        assertEquals(new Literal(FieldType.STRING, "柳东'新区", 11), c.right());
        Comparison backslash = (Comparison) Cql2Parser.parse("name_en = 'Liuzhou\\'s'");
        assertEquals("Liuzhou's", ((Literal) backslash.right()).value());
    }

    @Test
    void positionsCountCharactersNotBytes() {
        // 用地性质 is four characters: the '=' is the 6th character whatever the encoding
        Comparison c = (Comparison) Cql2Parser.parse("用地性质 = '工业用地'");
        assertEquals(new PropertyRef("用地性质", 1), c.left());
        assertEquals(6, c.position());
        assertEquals(8, c.right().position());
    }

    @Test
    void numbersInEveryShape() {
        for (String n : List.of("5", "-5", "+5", "3.25", "-0.5", ".5", "1e3", "1.5E-2", "6.02e+23")) {
            Comparison c = (Comparison) Cql2Parser.parse("x = " + n);
            assertEquals(new BigDecimal(n), ((Literal) c.right()).value(), n);
        }
    }

    @Test
    void booleansAndBooleanPropertiesAlone() {
        assertEquals(new Literal(FieldType.BOOLEAN, true, 13), ((Comparison) Cql2Parser.parse("synthetic = TRUE")).right());
        assertEquals(new Literal(FieldType.BOOLEAN, false, 13), ((Comparison) Cql2Parser.parse("synthetic = false")).right());
        assertEquals(new BooleanValue(new PropertyRef("synthetic", 1)), Cql2Parser.parse("synthetic"));
        And and = (And) Cql2Parser.parse("synthetic AND area_ha > 1");
        assertEquals(new BooleanValue(new PropertyRef("synthetic", 1)), and.operands().get(0));
    }

    @Test
    void quotedPropertyNames() {
        Comparison c = (Comparison) Cql2Parser.parse("\"land use\" = '1001'");
        assertEquals(new PropertyRef("land use", 1), c.left());
        // a keyword in quotes is a property name, not the keyword
        assertEquals(new PropertyRef("AND", 1), ((Comparison) Cql2Parser.parse("\"AND\" = 1")).left());
        // an unquoted 'date' not followed by '(' is a property too
        assertEquals(new PropertyRef("date", 1), ((Comparison) Cql2Parser.parse("date = DATE('2024-01-01')")).left());
    }

    @Test
    void precedenceIsOrThenAndThenNot() {
        Expression e = Cql2Parser.parse("a = 1 OR b = 2 AND NOT c = 3");
        Or or = assertInstanceOf(Or.class, e);
        assertEquals(2, or.operands().size());
        And and = assertInstanceOf(And.class, or.operands().get(1));
        assertInstanceOf(Not.class, and.operands().get(1));

        And grouped = assertInstanceOf(And.class, Cql2Parser.parse("(a = 1 OR b = 2) AND c = 3"));
        assertInstanceOf(Or.class, grouped.operands().get(0));
    }

    @Test
    void keywordsIgnoreCase() {
        assertEquals(Cql2Parser.parse("a = 1 AND b IS NOT NULL OR c LIKE 'x%'").toString(),
                Cql2Parser.parse("a = 1 and b is not null or c like 'x%'").toString());
        assertInstanceOf(Not.class, Cql2Parser.parse("not (a = 1)"));
        assertInstanceOf(Spatial.class, Cql2Parser.parse("s_intersects(geom, point(1 2))"));
    }

    @Test
    void like() {
        Like l = (Like) Cql2Parser.parse("name_zh LIKE '柳东%'");
        assertEquals(new PropertyRef("name_zh", 1), l.value());
        assertEquals(new Literal(FieldType.STRING, "柳东%", 14), l.pattern());
        assertEquals(false, l.negated());
        assertTrue(((Like) Cql2Parser.parse("name_zh NOT LIKE '_路'")).negated());
    }

    @Test
    void caseInsensitive() {
        Like l = (Like) Cql2Parser.parse("CASEI(name_en) LIKE casei('%park%')");
        assertEquals(new CaseInsensitive(new PropertyRef("name_en", 7), 1), l.value());
        assertEquals(new CaseInsensitive(new Literal(FieldType.STRING, "%park%", 27), 21), l.pattern());
    }

    @Test
    void betweenTakesTheFirstAnd() {
        And and = (And) Cql2Parser.parse("area_ha BETWEEN 1 AND 5 AND status = '已出让'");
        Between b = (Between) and.operands().get(0);
        assertEquals(new BigDecimal("1"), ((Literal) b.low()).value());
        assertEquals(new BigDecimal("5"), ((Literal) b.high()).value());
        assertTrue(((Between) Cql2Parser.parse("area_ha NOT BETWEEN 1 AND 5")).negated());
    }

    @Test
    void inList() {
        In in = (In) Cql2Parser.parse("land_use_code IN ('1001', '1101', '0701')");
        assertEquals(List.of("1001", "1101", "0701"), in.list().stream().map(s -> ((Literal) s).value()).toList());
        assertTrue(((In) Cql2Parser.parse("land_use_code NOT IN ('1001')")).negated());
    }

    @Test
    void isNull() {
        assertEquals(new IsNull(new PropertyRef("plot_ratio", 1), false, 12), Cql2Parser.parse("plot_ratio IS NULL"));
        assertEquals(new IsNull(new PropertyRef("plot_ratio", 1), true, 12), Cql2Parser.parse("plot_ratio IS NOT NULL"));
    }

    @Test
    void temporalLiterals() {
        Comparison d = (Comparison) Cql2Parser.parse("approved >= DATE('2024-02-29')");
        assertEquals(new Literal(FieldType.DATE, LocalDate.of(2024, 2, 29), 13), d.right());
        Comparison t = (Comparison) Cql2Parser.parse("updated < TIMESTAMP('2024-05-01T08:30:00Z')");
        assertEquals(Instant.parse("2024-05-01T08:30:00Z"), ((Literal) t.right()).value());
        Comparison offset = (Comparison) Cql2Parser.parse("updated < timestamp('2024-05-01T16:30:00.5+08:00')");
        assertEquals(Instant.parse("2024-05-01T08:30:00.5Z"), ((Literal) offset.right()).value());
    }

    @Test
    void everySpatialFunction() {
        for (SpatialOperator op : SpatialOperator.values()) {
            Spatial s = (Spatial) Cql2Parser.parse(op.name() + "(geom, POINT(109.4 24.3))");
            assertEquals(op, s.operator());
            assertEquals(new PropertyRef("geom", op.name().length() + 2), s.left());
            assertEquals("POINT (109.4 24.3)", ((Geometry) ((Literal) s.right()).value()).toText());
        }
    }

    @Test
    void everyWktType() {
        List<String> wkt = List.of(
                "POINT(1 2)",
                "POINT Z(1 2 3)",
                "LINESTRING(0 0, 1 1, 2 0)",
                "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0), (0.2 0.2, 0.2 0.4, 0.4 0.4, 0.2 0.2))",
                "MULTIPOINT((0 0), (1 1))",
                "MULTIPOINT(0 0, 1 1)",
                "MULTILINESTRING((0 0, 1 1), (2 2, 3 3))",
                "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
                "POLYGON Z((0 0 1, 1 0 1, 1 1 1, 0 0 1))",
                "GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1), POLYGON((0 0, 1 0, 1 1, 0 0)))",
                "polygon((-1.5 -1, 1e-1 -1, 0 1, -1.5 -1))");
        for (String w : wkt) {
            Spatial s = (Spatial) Cql2Parser.parse("S_INTERSECTS(geom, " + w + ")");
            Geometry g = (Geometry) ((Literal) s.right()).value();
            assertTrue(g.isValid(), w);
            assertEquals(20, s.right().position(), w);
        }
        Geometry z = (Geometry) ((Literal) ((Spatial) Cql2Parser.parse("S_INTERSECTS(geom, POINT Z(1 2 3))")).right()).value();
        assertEquals(3.0, z.getCoordinate().getZ());
    }

    @Test
    void geometryCanComeFirst() {
        Spatial s = (Spatial) Cql2Parser.parse("S_CONTAINS(POLYGON((0 0, 1 0, 1 1, 0 0)), geom)");
        assertInstanceOf(Literal.class, s.left());
        assertEquals(new PropertyRef("geom", 43), s.right());
    }

    @Test
    void bboxBecomesItsRectangle() {
        Spatial s = (Spatial) Cql2Parser.parse("S_INTERSECTS(geom, BBOX(109.3, 24.2, 109.5, 24.4))");
        Geometry g = (Geometry) ((Literal) s.right()).value();
        assertEquals("Polygon", g.getGeometryType());
        assertEquals(109.3, g.getEnvelopeInternal().getMinX());
        assertEquals(24.4, g.getEnvelopeInternal().getMaxY());
        Geometry threeD = (Geometry) ((Literal) ((Spatial) Cql2Parser.parse(
                "S_INTERSECTS(geom, BBOX(109.3, 24.2, 0, 109.5, 24.4, 100))")).right()).value();
        assertEquals(109.5, threeD.getEnvelopeInternal().getMaxX());
        assertEquals(24.4, threeD.getEnvelopeInternal().getMaxY());
    }

    @Test
    void literalMayStandOnEitherSide() {
        Comparison c = (Comparison) Cql2Parser.parse("5 < area_ha");
        assertInstanceOf(Literal.class, c.left());
        assertEquals(new PropertyRef("area_ha", 5), c.right());
    }

    @Test
    void propertyComparedWithProperty() {
        Comparison c = (Comparison) Cql2Parser.parse("area_mu > area_ha");
        assertEquals(new PropertyRef("area_ha", 11), c.right());
    }

    @Test
    void unicodeWhitespaceAndIdentifiers() {
        Comparison c = (Comparison) Cql2Parser.parse("\u3000状态\u3000=\u3000'规划'\n");
        assertEquals(new PropertyRef("状态", 2), c.left());
        assertEquals(new PropertyRef("ns:zone.id", 1), ((Comparison) Cql2Parser.parse("ns:zone.id = 'Z1'")).left());
    }
}
