package org.liudong.planview.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.liudong.planview.filter.Expression.AccentInsensitive;
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
import org.liudong.planview.filter.Expression.Scalar;
import org.liudong.planview.filter.Expression.Spatial;
import org.liudong.planview.filter.Expression.SpatialOperator;
import org.locationtech.jts.geom.Geometry;
import org.liudong.planview.http.Text;

/**
 * A recursive-descent parser for CQL2 text (OGC 21-065r2): Basic CQL2, advanced comparison
 * operators, case-insensitive comparison, basic and full spatial functions with WKT and BBOX,
 * DATE and TIMESTAMP literals. Precedence, loosest first: OR, AND, NOT, predicate.
 * One class for the whole grammar (longer than our usual classes): each rule below is one method,
 * and a reader checks the parser against the grammar by reading them side by side.
 * <pre>
 * filter     = or END
 * or         = and {OR and}
 * and        = not {AND not}
 * not        = NOT not | "(" or ")" | predicate
 * predicate  = S_xxx "(" scalar "," scalar ")"
 *            | scalar ( op scalar | [NOT] LIKE scalar | [NOT] BETWEEN scalar AND scalar
 *                     | [NOT] IN "(" scalar {"," scalar} ")" | IS [NOT] NULL | (nothing: a boolean) )
 * scalar     = property | "property" | 'string' | number | TRUE | FALSE | CASEI(scalar) | ACCENTI(scalar)
 *            | DATE('…') | TIMESTAMP('…') | WKT | BBOX(number, …)
 * </pre>
 */
public final class Cql2Parser {
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int depth;
    private int predicates;
    private int vertices;

    private Cql2Parser(String text) {
        this.text = text;
        this.tokens = Cql2Lexer.tokenize(text);
    }

    /** Parses a CQL2 text filter, or throws a {@link FilterException} saying what is wrong and where. */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) throw new FilterException("the filter is empty");
        if (text.length() > FilterLimits.MAX_TEXT_LENGTH) {
            throw new FilterException("the filter is " + text.length() + " characters long; the limit is "
                    + FilterLimits.MAX_TEXT_LENGTH);
        }
        Cql2Parser parser = new Cql2Parser(text);
        Expression e = parser.or();
        Token rest = parser.peek();
        if (!rest.is(Token.Kind.END)) {
            throw FilterException.at(rest.position(), "expected AND, OR or the end of the filter but found " + rest.describe());
        }
        return e;
    }

    // ------------------------------------------------------------------ boolean structure

    private Expression or() {
        List<Expression> terms = new ArrayList<>();
        terms.add(and());
        while (peek().isKeyword("OR")) {
            advance();
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    private Expression and() {
        List<Expression> factors = new ArrayList<>();
        factors.add(not());
        while (peek().isKeyword("AND")) {
            advance();
            factors.add(not());
        }
        return factors.size() == 1 ? factors.get(0) : new And(factors);
    }

    private Expression not() {
        Token t = peek();
        if (t.isKeyword("NOT")) {
            advance();
            enter(t);
            Expression operand = not();
            depth--;
            return new Not(operand);
        }
        if (t.is(Token.Kind.LEFT_PAREN)) {
            advance();
            enter(t);
            Expression inner = or();
            expectClosing(t, "the '(' at character " + t.position());
            depth--;
            return inner;
        }
        return predicate();
    }

    // ------------------------------------------------------------------ predicates

    private Expression predicate() {
        Token first = peek();
        if (++predicates > FilterLimits.MAX_PREDICATES) {
            throw FilterException.at(first.position(), "the filter has more than " + FilterLimits.MAX_PREDICATES
                    + " conditions, the limit");
        }
        if (first.is(Token.Kind.IDENTIFIER) && peekAt(1).is(Token.Kind.LEFT_PAREN)) {
            SpatialOperator spatial = spatialOperator(first.text());
            if (spatial != null) return spatial(spatial);
        }
        Scalar left = scalar("a condition");
        Token t = peek();
        if (t.is(Token.Kind.OPERATOR)) {
            advance();
            Scalar right = scalar("a value after '" + t.text() + "'");
            return new Comparison(left, comparisonOperator(t), right, t.position());
        }
        boolean negated = false;
        if (t.isKeyword("NOT")) {
            advance();
            negated = true;
            t = peek();
            if (!(t.isKeyword("LIKE") || t.isKeyword("BETWEEN") || t.isKeyword("IN"))) {
                throw FilterException.at(t.position(), "expected LIKE, BETWEEN or IN after NOT but found " + t.describe());
            }
        }
        if (t.isKeyword("LIKE")) {
            advance();
            return new Like(left, scalar("a pattern after LIKE"), negated, t.position());
        }
        if (t.isKeyword("BETWEEN")) {
            advance();
            Scalar low = scalar("a value after BETWEEN");
            Token and = advance();
            if (!and.isKeyword("AND")) {
                throw FilterException.at(and.position(), "expected AND in BETWEEN … AND … but found " + and.describe());
            }
            Scalar high = scalar("a value after BETWEEN … AND");
            return new Between(left, low, high, negated, t.position());
        }
        if (t.isKeyword("IN")) {
            advance();
            return new In(left, inList(), negated, t.position());
        }
        if (t.isKeyword("IS")) {
            advance();
            boolean isNot = peek().isKeyword("NOT");
            if (isNot) advance();
            Token nul = advance();
            if (!nul.isKeyword("NULL")) {
                throw FilterException.at(nul.position(), "expected NULL after IS" + (isNot ? " NOT" : "") + " but found " + nul.describe());
            }
            return new IsNull(left, isNot, t.position());
        }
        if (endsCondition(t) && (left instanceof PropertyRef || (left instanceof Literal l && l.type() == FieldType.BOOLEAN))) {
            return new BooleanValue(left);
        }
        throw FilterException.at(t.position(), "expected a comparison (=, <>, <, <=, >, >=, LIKE, BETWEEN, IN or IS NULL) after "
                + describe(left) + " but found " + t.describe());
    }

    private Expression spatial(SpatialOperator operator) {
        Token name = advance();
        Token open = advance();
        enter(open);
        Scalar a = scalar("a geometry as the first argument of " + operator);
        expect(Token.Kind.COMMA, "',' between the two arguments of " + operator);
        Scalar b = scalar("a geometry as the second argument of " + operator);
        expectClosing(open, operator + "(…)");
        depth--;
        return new Spatial(operator, a, b, name.position());
    }

    private List<Scalar> inList() {
        Token open = advance();
        if (!open.is(Token.Kind.LEFT_PAREN)) {
            throw FilterException.at(open.position(), "expected '(' after IN but found " + open.describe());
        }
        List<Scalar> values = new ArrayList<>();
        do {
            Token at = peek();
            if (values.size() == FilterLimits.MAX_IN_LIST_SIZE) {
                throw FilterException.at(at.position(), "the IN list has more than " + FilterLimits.MAX_IN_LIST_SIZE
                        + " values, the limit");
            }
            values.add(scalar("a value in the IN list"));
        } while (accept(Token.Kind.COMMA));
        expectClosing(open, "the IN list");
        return values;
    }

    // ------------------------------------------------------------------ values

    private Scalar scalar(String expected) {
        Token t = advance();
        switch (t.kind()) {
            case STRING:
                return new Literal(FieldType.STRING, t.text(), t.position());
            case NUMBER:
                return new Literal(FieldType.NUMBER, number(t), t.position());
            case QUOTED_IDENTIFIER:
                return new PropertyRef(t.text(), t.position());
            case IDENTIFIER:
                return word(t, expected);
            default:
                throw FilterException.at(t.position(), "expected " + expected + " but found " + t.describe());
        }
    }

    private Scalar word(Token t, String expected) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return new Literal(FieldType.BOOLEAN, upper.equals("TRUE"), t.position());
        }
        if (upper.equals("NULL")) {
            throw FilterException.at(t.position(), "expected " + expected + " but found NULL (test for it with IS NULL)");
        }
        if (RESERVED.contains(upper)) {
            throw FilterException.at(t.position(), "expected " + expected + " but found '" + t.text() + "'");
        }
        Token after = peek();
        if (GeometryLiterals.isWktType(upper) && (after.is(Token.Kind.LEFT_PAREN) || after.isKeyword("Z"))) {
            return wkt(t);
        }
        if (GeometryLiterals.isWktType(upper) && after.isKeyword("EMPTY")) {
            throw FilterException.at(t.position(), "empty geometries (" + t.text() + " EMPTY) are not supported in a filter");
        }
        if (!after.is(Token.Kind.LEFT_PAREN)) return new PropertyRef(t.text(), t.position());
        return switch (upper) {
            case "CASEI" -> new CaseInsensitive(functionArgument(t), t.position());
            case "ACCENTI" -> new AccentInsensitive(functionArgument(t), t.position());
            case "DATE" -> new Literal(FieldType.DATE, date(stringArgument(t, "a date such as '2024-05-01'")), t.position());
            case "TIMESTAMP" -> new Literal(FieldType.TIMESTAMP,
                    timestamp(stringArgument(t, "a UTC timestamp such as '2024-05-01T08:30:00Z'")).toInstant(), t.position());
            case "BBOX" -> bbox(t);
            default -> throw unknownFunction(t, upper);
        };
    }

    private Scalar functionArgument(Token name) {
        Token open = advance();
        enter(open);
        Scalar value = scalar("a value in " + name.text() + "(…)");
        expectClosing(open, name.text() + "(…)");
        depth--;
        return value;
    }

    private Token stringArgument(Token name, String what) {
        Token open = advance();
        Token value = advance();
        if (!value.is(Token.Kind.STRING)) {
            throw FilterException.at(value.position(), name.text() + "(…) takes " + what + " but found " + value.describe());
        }
        expectClosing(open, name.text() + "(…)");
        return value;
    }

    private Literal bbox(Token name) {
        Token open = advance();
        List<BigDecimal> numbers = new ArrayList<>();
        do {
            Token n = advance();
            if (!n.is(Token.Kind.NUMBER)) {
                throw FilterException.at(n.position(), "expected a number in BBOX(…) but found " + n.describe());
            }
            if (numbers.size() == 6) throw FilterException.at(n.position(), "BBOX takes 4 numbers (or 6 with heights)");
            numbers.add(number(n));
        } while (accept(Token.Kind.COMMA));
        expectClosing(open, "BBOX(…)");
        return new Literal(FieldType.GEOMETRY, GeometryLiterals.fromBbox(numbers, name.position()), name.position());
    }

    /** Cuts the WKT out of the text (JTS reads it) after checking it holds only WKT tokens. */
    private Literal wkt(Token type) {
        int open = 0;
        int wktDepth = 0;
        Token last = type;
        while (true) {
            Token t = advance();
            if (t.is(Token.Kind.END)) {
                throw FilterException.at(type.position(), "the " + type.text() + " geometry is not closed with ')'");
            }
            if (t.is(Token.Kind.LEFT_PAREN)) {
                open++;
                if (open + depth > FilterLimits.MAX_NESTING_DEPTH) throw tooDeep(t);
                wktDepth = Math.max(wktDepth, open);
            } else if (t.is(Token.Kind.RIGHT_PAREN)) {
                open--;
            } else if (!(t.is(Token.Kind.NUMBER) || t.is(Token.Kind.COMMA)
                    || (t.is(Token.Kind.IDENTIFIER) && (GeometryLiterals.isWktType(t.text()) || t.isKeyword("Z"))))) {
                throw FilterException.at(t.position(), "found " + t.describe() + " inside the " + type.text().toUpperCase(Locale.ROOT)
                        + " geometry, where WKT has only numbers, commas and parentheses");
            }
            last = t;
            if (open == 0 && t.is(Token.Kind.RIGHT_PAREN)) break;
            if (open == 0 && !t.isKeyword("Z")) {
                throw FilterException.at(t.position(), "expected '(' after " + type.text() + " but found " + t.describe());
            }
        }
        Geometry g = GeometryLiterals.fromWkt(Cql2Lexer.slice(text, type.position(), last.end()), type.position());
        vertices += g.getNumPoints();
        if (vertices > FilterLimits.MAX_VERTICES) {
            throw FilterException.at(type.position(), "the geometries of the filter have more than " + FilterLimits.MAX_VERTICES
                    + " vertices, the limit");
        }
        return new Literal(FieldType.GEOMETRY, g, type.position());
    }

    private static BigDecimal number(Token t) {
        BigDecimal n;
        try {
            n = new BigDecimal(t.text());
        } catch (NumberFormatException e) {
            throw FilterException.at(t.position(), "'" + t.text() + "' is not a number");
        }
        if (n.precision() - n.scale() > FilterLimits.MAX_NUMBER_DIGITS || n.scale() > FilterLimits.MAX_NUMBER_DIGITS) {
            throw FilterException.at(t.position(), "the number " + Text.shorten(t.text(), FilterException.ECHO) + " is out of range (at most "
                    + FilterLimits.MAX_NUMBER_DIGITS + " digits before or after the decimal point)");
        }
        return n;
    }

    private static LocalDate date(Token t) {
        try {
            if (DATE.matcher(t.text()).matches()) {
                LocalDate d = LocalDate.parse(t.text());
                if (d.getYear() >= 1) return d;
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw FilterException.at(t.position(), "'" + Text.shorten(t.text(), FilterException.ECHO) + "' is not a date; write DATE('YYYY-MM-DD'), e.g. DATE('2024-05-01')");
    }

    private static OffsetDateTime timestamp(Token t) {
        try {
            if (TIMESTAMP.matcher(t.text()).matches()) {
                OffsetDateTime ts = OffsetDateTime.parse(t.text().toUpperCase(Locale.ROOT));
                if (ts.getYear() >= 1) return ts;
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw FilterException.at(t.position(), "'" + Text.shorten(t.text(), FilterException.ECHO) + "' is not a timestamp; write TIMESTAMP('YYYY-MM-DDThh:mm:ssZ'), "
                + "e.g. TIMESTAMP('2024-05-01T08:30:00Z')");
    }

    private static FilterException unknownFunction(Token t, String upper) {
        String name = Text.shorten(t.text(), FilterException.ECHO);
        upper = Text.shorten(upper, FilterException.ECHO);
        if (upper.startsWith("T_")) {
            return FilterException.withPosition(t.position(), "temporal function " + name + " at character " + t.position()
                    + " is not supported; compare DATE(…) and TIMESTAMP(…) values with =, <, >, BETWEEN instead");
        }
        if (spatialOperator(upper) != null) {
            return FilterException.withPosition(t.position(), upper + "(…) at character " + t.position()
                    + " is a condition, not a value: write it on its own, e.g. " + upper + "(geometry, POINT(109.4 24.3)) AND …");
        }
        if (upper.startsWith("S_")) {
            return FilterException.withPosition(t.position(), "unknown spatial function " + name + " at character "
                    + t.position() + "; supported are " + List.of(SpatialOperator.values()));
        }
        return FilterException.withPosition(t.position(), "unknown function " + name + " at character " + t.position()
                + "; supported are CASEI, DATE, TIMESTAMP, BBOX, the WKT geometry types and " + List.of(SpatialOperator.values()));
    }

    // ------------------------------------------------------------------ tokens

    private static SpatialOperator spatialOperator(String word) {
        for (SpatialOperator op : SpatialOperator.values()) {
            if (op.name().equalsIgnoreCase(word)) return op;
        }
        return null;
    }

    private static ComparisonOperator comparisonOperator(Token t) {
        for (ComparisonOperator op : ComparisonOperator.values()) {
            if (t.isOperator(op.symbol())) return op;
        }
        throw new IllegalStateException("the lexer made an unknown operator " + t.text());
    }

    private static boolean endsCondition(Token t) {
        return t.is(Token.Kind.END) || t.is(Token.Kind.RIGHT_PAREN) || t.isKeyword("AND") || t.isKeyword("OR");
    }

    private static String describe(Scalar s) {
        if (s instanceof PropertyRef p) return "the property '" + p.name() + "'";
        if (s instanceof Literal l) return l.type().description();
        return "the value at character " + s.position();
    }

    private void enter(Token at) {
        if (++depth > FilterLimits.MAX_NESTING_DEPTH) throw tooDeep(at);
    }

    private static FilterException tooDeep(Token at) {
        return FilterException.at(at.position(), "the filter nests parentheses, NOT and functions more than "
                + FilterLimits.MAX_NESTING_DEPTH + " levels deep, the limit");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    /** The next token; at the end, the END token again (so callers can report what they found). */
    private Token advance() {
        Token t = tokens.get(next);
        if (!t.is(Token.Kind.END)) next++;
        return t;
    }

    private boolean accept(Token.Kind kind) {
        if (!peek().is(kind)) return false;
        advance();
        return true;
    }

    private void expect(Token.Kind kind, String what) {
        Token t = advance();
        if (!t.is(kind)) throw FilterException.at(t.position(), "expected " + what + " but found " + t.describe());
    }

    private void expectClosing(Token open, String what) {
        Token t = advance();
        if (!t.is(Token.Kind.RIGHT_PAREN)) {
            throw FilterException.at(t.position(), "expected ')' to close " + what + " but found " + t.describe());
        }
    }
}
