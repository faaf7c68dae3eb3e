package org.liudong.planview.filter;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.liudong.planview.crs.CoordinateDomain;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.filter.Expression.AccentInsensitive;
import org.liudong.planview.filter.Expression.And;
import org.liudong.planview.filter.Expression.Between;
import org.liudong.planview.filter.Expression.BooleanValue;
import org.liudong.planview.filter.Expression.CaseInsensitive;
import org.liudong.planview.filter.Expression.Comparison;
import org.liudong.planview.filter.Expression.In;
import org.liudong.planview.filter.Expression.IsNull;
import org.liudong.planview.filter.Expression.Like;
import org.liudong.planview.filter.Expression.Literal;
import org.liudong.planview.filter.Expression.Not;
import org.liudong.planview.filter.Expression.Or;
import org.liudong.planview.filter.Expression.PropertyRef;
import org.liudong.planview.filter.Expression.Scalar;
import org.liudong.planview.filter.Expression.Spatial;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.liudong.planview.http.Text;

/**
 * Turns a parsed filter into a boolean SQL fragment for a WHERE clause. Values travel only as
 * bound parameters; the only identifiers in the SQL are the catalogue's quoted columns. Every
 * property is checked against the queryables and every comparison for fitting types, so a
 * mistake in the filter is a 400 here, never an SQL error later.
 */
public final class FilterCompiler {
    private final Function<String, Optional<QueryableField>> queryables;
    private final List<String> queryableNames;
    private final SupportedCrs filterCrs;

    /** @param filterCrs the CRS of the filter's geometry literals (filter-crs; CRS84 by default) */
    public FilterCompiler(Function<String, Optional<QueryableField>> queryables, SupportedCrs filterCrs) {
        this(queryables, List.of(), filterCrs);
    }

    /** With the full list of queryables, so that "unknown property" can name the ones there are. */
    public FilterCompiler(List<QueryableField> fields, SupportedCrs filterCrs) {
        this(name -> fields.stream().filter(f -> f.name().equals(name)).findFirst(),
                fields.stream().map(QueryableField::name).toList(), filterCrs);
    }

    private FilterCompiler(Function<String, Optional<QueryableField>> queryables, List<String> names, SupportedCrs filterCrs) {
        this.queryables = Objects.requireNonNull(queryables);
        this.queryableNames = List.copyOf(names);
        this.filterCrs = filterCrs == null ? CrsRegistry.CRS84 : filterCrs;
    }

    public SqlStatement compile(Expression e) {
        SqlStatement sql = sql(e);
        if (sql.params().size() > FilterLimits.MAX_VALUES) {
            throw new FilterException("the filter has " + sql.params().size() + " values; the limit is " + FilterLimits.MAX_VALUES);
        }
        return sql;
    }

    private SqlStatement sql(Expression e) {
        if (e instanceof And and) return join(" AND ", and.operands());
        if (e instanceof Or or) return join(" OR ", or.operands());
        if (e instanceof Not not) return wrap("(NOT ", sql(not.operand()), ")");
        if (e instanceof Comparison c) return comparison(c);
        if (e instanceof Like l) return like(l);
        if (e instanceof Between b) return between(b);
        if (e instanceof In in) return in(in);
        if (e instanceof IsNull n) return wrap("(", value(n.value()).sql, n.negated() ? " IS NOT NULL)" : " IS NULL)");
        if (e instanceof Spatial s) return spatial(s);
        if (e instanceof BooleanValue b) return booleanValue(b);
        Scalar s = (Scalar) e;
        throw FilterException.at(s.position(), "expected a condition but found a value alone");
    }

    // ------------------------------------------------------------------ predicates

    private SqlStatement join(String operator, List<Expression> operands) {
        List<SqlStatement> parts = new ArrayList<>();
        for (Expression operand : operands) parts.add(sql(operand));
        return wrap("(", SqlStatement.join(operator, parts), ")");
    }

    private SqlStatement comparison(Comparison c) {
        Typed left = value(c.left());
        Typed right = value(c.right());
        if (left.type == FieldType.GEOMETRY || right.type == FieldType.GEOMETRY) {
            throw FilterException.at(c.position(), "geometries are compared with the spatial functions (S_INTERSECTS, "
                    + "S_EQUALS …), not with '" + c.operator().symbol() + "'");
        }
        requireComparable(left, right);
        if (left.type == FieldType.BOOLEAN && !c.operator().isEquality()) {
            throw FilterException.at(c.position(), "booleans can only be compared with = or <>, not with '" + c.operator().symbol() + "'");
        }
        return concat("(", left.sql, " " + c.operator().symbol() + " ", right.sql, ")");
    }

    private SqlStatement like(Like l) {
        Typed value = value(l.value());
        if (value.type != FieldType.STRING) {
            throw FilterException.withPosition(value.position, "LIKE compares strings, but " + value.label + " at character "
                    + value.position + " is " + value.type.description());
        }
        Scalar pattern = l.pattern();
        Scalar bare = pattern instanceof CaseInsensitive ci ? ci.value() : pattern;
        if (!(bare instanceof Literal lit && lit.type() == FieldType.STRING)) {
            throw FilterException.at(pattern.position(), "the pattern after LIKE must be a string such as '%路' or CASEI('%路')");
        }
        checkPattern((String) lit.value(), lit.position());
        Typed p = value(pattern);
        return concat("(", value.sql, l.negated() ? " NOT LIKE " : " LIKE ", p.sql, ")");
    }

    /** PostgreSQL rejects a pattern that ends in its escape character; so do we, but as a 400. */
    private static void checkPattern(String pattern, int position) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                if (i == pattern.length() - 1) {
                    throw FilterException.at(position, "the LIKE pattern ends with the escape character \\ "
                            + "(write \\\\ for a backslash, \\% and \\_ for a literal % and _)");
                }
                i++;
            }
        }
    }

    private SqlStatement between(Between b) {
        Typed value = value(b.value());
        Typed low = value(b.low());
        Typed high = value(b.high());
        if (!(value.type.isNumeric() || value.type.isTemporal())) {
            throw FilterException.withPosition(value.position, "BETWEEN compares numbers, dates or timestamps, but "
                    + value.label + " at character " + value.position + " is " + value.type.description());
        }
        requireComparable(value, low);
        requireComparable(value, high);
        return concat("(", value.sql, b.negated() ? " NOT BETWEEN " : " BETWEEN ", low.sql, " AND ", high.sql, ")");
    }

    private SqlStatement in(In in) {
        Typed value = value(in.value());
        if (value.type == FieldType.GEOMETRY) {
            throw FilterException.at(in.position(), "IN does not compare geometries; use S_EQUALS or S_INTERSECTS");
        }
        List<SqlStatement> items = new ArrayList<>();
        for (Scalar item : in.list()) {
            Typed t = value(item);
            requireComparable(value, t);
            items.add(t.sql);
        }
        return concat("(", value.sql, in.negated() ? " NOT IN (" : " IN (", SqlStatement.join(", ", items), "))");
    }

    private SqlStatement spatial(Spatial s) {
        Typed a = value(s.left());
        Typed b = value(s.right());
        for (Typed t : List.of(a, b)) {
            if (t.type != FieldType.GEOMETRY) {
                throw FilterException.withPosition(t.position, s.operator() + " compares geometries, but " + t.label
                        + " at character " + t.position + " is " + t.type.description());
            }
        }
        return concat(s.operator().postgisFunction() + "(", a.sql, ", ", b.sql, ")");
    }

    private SqlStatement booleanValue(BooleanValue b) {
        Typed t = value(b.value());
        if (t.type != FieldType.BOOLEAN) {
            throw FilterException.withPosition(t.position, t.label + " at character " + t.position + " is "
                    + t.type.description() + ", not a boolean, so it cannot stand alone as a condition; "
                    + "compare it with =, <>, LIKE, IN …");
        }
        return wrap("(", t.sql, ")");
    }

    // ------------------------------------------------------------------ values

    /** A compiled value: its SQL, its CQL2 type, and how to name it in a message. */
    private record Typed(SqlStatement sql, FieldType type, String label, int position, boolean isProperty) {
    }

    private Typed value(Scalar s) {
        if (s instanceof PropertyRef p) {
            QueryableField f = queryables.apply(p.name()).orElseThrow(() -> unknownProperty(p));
            return new Typed(SqlStatement.of(f.column()), f.type(), "property '" + Text.shorten(p.name(), FilterException.ECHO) + "'", p.position(), true);
        }
        if (s instanceof Literal l) return literal(l);
        if (s instanceof CaseInsensitive c) {
            Typed inner = value(c.value());
            if (inner.type != FieldType.STRING) {
                throw FilterException.withPosition(inner.position, "CASEI(…) takes a string, but " + inner.label
                        + " at character " + inner.position + " is " + inner.type.description());
            }
            return new Typed(wrap("lower(", inner.sql, ")"), FieldType.STRING, inner.label, inner.position, inner.isProperty);
        }
        AccentInsensitive a = (AccentInsensitive) s;
        throw FilterException.withPosition(a.position(), "ACCENTI(…) at character " + a.position()
                + " is not supported by this server; CASEI(…) is");
    }

    private Typed literal(Literal l) {
        Object v = l.value();
        if (l.type() == FieldType.GEOMETRY) {
            return new Typed(geometry((Geometry) v, l.position()), FieldType.GEOMETRY, "a geometry", l.position(), false);
        }
        // The JDBC driver sends dates and timestamps untyped; the casts keep PostgreSQL from guessing
        // (DATE('…') = DATE('…') would otherwise fail, and a date column would truncate a timestamp).
        SqlStatement sql = switch (l.type()) {
            case NUMBER, INTEGER -> SqlStatement.of("?", number((BigDecimal) v));
            case DATE -> SqlStatement.of("CAST(? AS date)", java.sql.Date.valueOf((LocalDate) v));
            case TIMESTAMP -> SqlStatement.of("CAST(? AS timestamptz)", Timestamp.from((Instant) v));
            default -> SqlStatement.of("?", v); // String, Boolean: typed by the driver
        };
        return new Typed(sql, l.type(), l.type().description(), l.position(), false);
    }

    /** Whole numbers go as Long (int8 compares with every integer column), others as numeric. */
    private static Object number(BigDecimal n) {
        try {
            return n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0 ? n.longValueExact() : n;
        } catch (ArithmeticException tooBigForLong) {
            return n;
        }
    }

    /**
     * The literal as WKT in the filter-crs, moved into storage coordinates by PostGIS. PostGIS
     * keeps x = east, so a north-first CRS (EPSG:4490, the Gauss–Krüger zones) is flipped first.
     */
    private SqlStatement geometry(Geometry g, int position) {
        for (Coordinate c : g.getCoordinates()) {
            if (CoordinateDomain.problem(filterCrs, c.getX(), c.getY()).isPresent()) {
                throw FilterException.at(position, "the coordinate " + CoordinateDomain.outsideAdvice(filterCrs, c.getX(), c.getY()));
            }
        }
        String wkt = new WKTWriter().write(g);
        int srid = filterCrs.srid();
        String fromText = "ST_GeomFromText(?, " + srid + ")";
        if (filterCrs.northFirst()) fromText = "ST_FlipCoordinates(" + fromText + ")";
        return SqlStatement.of("ST_Transform(" + fromText + ", " + CrsRegistry.STORAGE_SRID + ")", wkt);
    }

    private FilterException unknownProperty(PropertyRef p) {
        String known = queryableNames.isEmpty() ? "see the collection's queryables"
                : "queryable properties are: " + String.join(", ", queryableNames);
        return FilterException.withPosition(p.position(), "unknown property '" + Text.shorten(p.name(), FilterException.ECHO) + "' at character " + p.position()
                + "; " + known);
    }

    private static void requireComparable(Typed a, Typed b) {
        if (a.type.comparableWith(b.type)) return;
        Typed property = a.isProperty ? a : b;
        Typed other = a.isProperty ? b : a;
        String detail;
        if (property.isProperty) {
            String otherDescription = other.isProperty
                    ? other.label + ", which is " + other.type.description()
                    : other.type.description();
            detail = property.label + " is " + property.type.description() + " but is compared with " + otherDescription;
        } else {
            detail = a.type.description() + " is compared with " + b.type.description();
            other = b;
        }
        throw FilterException.withPosition(other.position, detail + " at character " + other.position);
    }

    // ------------------------------------------------------------------ SQL assembly

    private static SqlStatement wrap(String before, SqlStatement inner, String after) {
        return new SqlStatement(before + inner.sql() + after, inner.params());
    }

    /** Strings are SQL text (never values); statements bring their parameters along. */
    private static SqlStatement concat(Object... parts) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof SqlStatement s) {
                sql.append(s.sql());
                params.addAll(s.params());
            } else {
                sql.append((String) part);
            }
        }
        return new SqlStatement(sql.toString(), params);
    }
}
