package org.liudong.planview.filter;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A parsed CQL2 filter. Predicates (And … Spatial) are boolean; {@link Scalar}s are the values
 * they compare. Positions are characters of the filter text, counted from 1, so that the compiler
 * can say where an unknown property or a type mismatch is.
 */
public sealed interface Expression {

    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expression operand) implements Expression {
    }

    record Comparison(Scalar left, ComparisonOperator operator, Scalar right, int position) implements Expression {
    }

    /** {@code value [NOT] LIKE pattern}: % matches any run of characters, _ exactly one, \ escapes. */
    record Like(Scalar value, Scalar pattern, boolean negated, int position) implements Expression {
    }

    record Between(Scalar value, Scalar low, Scalar high, boolean negated, int position) implements Expression {
    }

    record In(Scalar value, List<Scalar> list, boolean negated, int position) implements Expression {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Scalar value, boolean negated, int position) implements Expression {
    }

    record Spatial(SpatialOperator operator, Scalar left, Scalar right, int position) implements Expression {
    }

    /** A boolean property or literal standing alone as a predicate: {@code synthetic}, {@code TRUE}. */
    record BooleanValue(Scalar value) implements Expression {
    }

    /** A value: a property, a literal, or a function of them. */
    sealed interface Scalar extends Expression {
        int position();
    }

    record PropertyRef(String name, int position) implements Scalar {
    }

    /**
     * A literal value, typed: STRING → String, NUMBER → BigDecimal, BOOLEAN → Boolean,
     * DATE → LocalDate, TIMESTAMP → Instant, GEOMETRY → JTS Geometry (in the filter-crs axis
     * order as written; BBOX(…) becomes its rectangle).
     */
    record Literal(FieldType type, Object value, int position) implements Scalar {
        public Literal {
            Objects.requireNonNull(type);
            Objects.requireNonNull(value);
            if (type == FieldType.INTEGER) type = FieldType.NUMBER;
            if (type == FieldType.GEOMETRY && !(value instanceof Geometry)) {
                throw new IllegalArgumentException("a geometry literal holds a JTS geometry");
            }
        }
    }

    /** {@code CASEI(x)}: compare ignoring case. */
    record CaseInsensitive(Scalar value, int position) implements Scalar {
    }

    /** {@code ACCENTI(x)}: compare ignoring accents (parsed, so that the compiler can say it is unsupported). */
    record AccentInsensitive(Scalar value, int position) implements Scalar {
    }

    enum ComparisonOperator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        /** The same in CQL2 and SQL. */
        public String symbol() {
            return symbol;
        }

        public boolean isEquality() {
            return this == EQUAL || this == NOT_EQUAL;
        }
    }

    /** The CQL2 spatial functions and the PostGIS predicates they mean (DE-9IM, as OGC defines both). */
    enum SpatialOperator {
        S_INTERSECTS("ST_Intersects"),
        S_EQUALS("ST_Equals"),
        S_DISJOINT("ST_Disjoint"),
        S_TOUCHES("ST_Touches"),
        S_WITHIN("ST_Within"),
        S_OVERLAPS("ST_Overlaps"),
        S_CROSSES("ST_Crosses"),
        S_CONTAINS("ST_Contains");

        private final String postgis;

        SpatialOperator(String postgis) {
            this.postgis = postgis;
        }

        public String postgisFunction() {
            return postgis;
        }
    }
}
