package org.liudong.planview.filter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A property a filter may name, and the SQL column behind it.
 *
 * @param name   the property name as clients write it in CQL2 and see it in the queryables
 * @param column an already-quoted SQL identifier ({@code "area_m2"}, {@code "p"."area_m2"}, {@code t."area_m2"}),
 *               supplied by the catalogue, never from a request: it is pasted into SQL as is
 * @param type   the CQL2 type of the values
 */
public record QueryableField(String name, String column, FieldType type) {
    /**
     * One or more double-quoted identifiers joined by dots, embedded quotes doubled, optionally
     * after a plain table alias ({@code t."area_m2"}, as the features SQL writes its columns).
     */
    private static final Pattern QUOTED_COLUMN = Pattern.compile(
            "(?:[A-Za-z_][A-Za-z0-9_]*\\.)?\"(?:[^\"\\x00]|\"\")+\"(?:\\.\"(?:[^\"\\x00]|\"\")+\")*");

    public QueryableField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        // A column that is not a quoted identifier is a programming error in the catalogue, and
        // failing here keeps anything else from ever reaching the SQL text.
        if (!QUOTED_COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("column must be a quoted SQL identifier, got: " + column);
        }
    }

    /** A field whose column has the property's own name, quoted. */
    public static QueryableField of(String name, FieldType type) {
        return new QueryableField(name, quote(name), type);
    }

    /** Quotes a database identifier for SQL: {@code area_m2 → "area_m2"}, embedded quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
