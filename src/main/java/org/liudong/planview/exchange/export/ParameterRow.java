package org.liudong.planview.exchange.export;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.SqlStatement;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * An export's bound values as one row of {@code export_parameters} on the primary (V110), and its
 * query with every {@code ?} replaced by a sub-select of that row, cast to the parameter's type, — SQL that ogr2ogr can run
 * on a read replica once the row has been replayed there, holding only our identifiers, type names
 * PostgreSQL gave and an id generated here: nothing a user typed.
 *
 * <p>PostgreSQL does both conversions: each value is bound exactly as the query binds it and cast
 * to text by PostgreSQL ({@code ?::text}); each {@code ?} reads it back, cast to the type PostgreSQL
 * gave that parameter when the query was described with the same bindings. The {@code ?}s are
 * found by the JDBC driver's own parser, so those in quotes, comments and {@code ??} (a literal
 * {@code ?} operator) are read as the driver reads them.
 */
final class ParameterRow {
    static final String TABLE = "export_parameters";
    /** A type name as the driver gives it: a name, perhaps schema-qualified, perhaps quoted. */
    private static final Pattern TYPE_PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final UUID id;
    private final String sql;

    private ParameterRow(UUID id, String sql) {
        this.id = id;
        this.sql = sql;
    }

    /** Something in the query this path cannot carry (a type without a plain name): read it on the primary instead. */
    static final class NotInlinable extends Exception {
        NotInlinable(String message) {
            super(message);
        }
    }

    /** Writes the row of {@code query}'s values, owned by {@code owner} (its leftovers are swept with the owner's). */
    static ParameterRow write(DataSource primary, String owner, SqlStatement query) throws SQLException, NotInlinable {
        UUID id = UUID.randomUUID();
        try (Connection c = primary.getConnection()) {
            List<String> types = parameterTypes(c, query);
            String inlined = inline(query.sql(), types, id);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < query.params().size(); i++) texts.add("?::text");
            String insert = "INSERT INTO " + TABLE + " (id, owner, vals) VALUES (?, ?, "
                    + (texts.isEmpty() ? "'{}'::text[]" : "ARRAY[" + String.join(", ", texts) + "]::text[]") + ")";
            List<Object> values = new ArrayList<>(List.of(id, owner));
            values.addAll(query.params());
            try (PreparedStatement ps = new SqlStatement(insert, values).prepare(c)) {
                ps.executeUpdate();
            }
            return new ParameterRow(id, inlined);
        }
    }

    UUID id() {
        return id;
    }

    /** The query, its values read from this row. */
    String sql() {
        return sql;
    }

    /** Removes the row (on every path out of an export; a killed server's rows go with its other leftovers). */
    void delete(DataSource primary) throws SQLException {
        try (Connection c = primary.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    /** The type of each parameter as PostgreSQL resolves it with the query's own bindings (one Describe round trip). */
    private static List<String> parameterTypes(Connection c, SqlStatement query) throws SQLException, NotInlinable {
        List<String> types = new ArrayList<>();
        if (query.params().isEmpty()) return types;
        try (PreparedStatement ps = query.prepare(c)) {
            ParameterMetaData meta = ps.getParameterMetaData();
            for (int i = 1; i <= meta.getParameterCount(); i++) types.add(typeName(meta.getParameterTypeName(i)));
        }
        return types;
    }

    /** The driver's name of a type (int4, varchar, "public"."geometry", _text) as a quoted SQL type name. */
    static String typeName(String driverName) throws NotInlinable {
        if (driverName == null) throw new NotInlinable("a parameter of unknown type");
        List<String> parts = new ArrayList<>();
        for (String part : driverName.split("\\.", -1)) {
            String bare = part.length() > 1 && part.startsWith("\"") && part.endsWith("\"") ? part.substring(1, part.length() - 1) : part;
            if (!TYPE_PART.matcher(bare).matches()) throw new NotInlinable("a parameter of type " + driverName);
            parts.add(Sql.ident(bare));
        }
        if (parts.size() > 2) throw new NotInlinable("a parameter of type " + driverName);
        return String.join(".", parts);
    }

    /**
     * {@code jdbcSql} with its i-th {@code ?} replaced by {@code (SELECT p.vals[i] FROM export_parameters p WHERE p.id = 'id')::type}:
     * one sub-select each, evaluated once per query (an InitPlan), so an index can still use the value.
     */
    static String inline(String jdbcSql, List<String> types, UUID id) throws SQLException, NotInlinable {
        // As the driver prepares it: JDBC escapes first, then placeholders ($1, $2 … in the native SQL).
        List<NativeQuery> parsed = Parser.parseJdbcSql(Parser.replaceProcessing(jdbcSql, true, true), true, true, false, false, false);
        if (parsed.size() != 1) throw new NotInlinable("not one statement");
        NativeQuery q = parsed.get(0);
        if (q.bindPositions.length != types.size()) {
            throw new NotInlinable(q.bindPositions.length + " placeholders for " + types.size() + " values");
        }
        StringBuilder sql = new StringBuilder(q.nativeSql);
        for (int i = q.bindPositions.length - 1; i >= 0; i--) {
            int at = q.bindPositions[i];
            String placeholder = NativeQuery.bindName(i + 1);
            if (!sql.substring(at, Math.min(sql.length(), at + placeholder.length())).equals(placeholder)) {
                throw new NotInlinable("placeholder " + placeholder + " not where the parser put it");
            }
            // The cast outside the parentheses: "x = ANY ((SELECT …))" would compare x with each row of
            // the sub-select, "x = ANY ((SELECT …)::text[])" compares it with the array's elements, as "x = ANY ($1)" does.
            sql.replace(at, at + placeholder.length(), "(SELECT p.vals[" + (i + 1) + "] FROM " + TABLE
                    + " p WHERE p.id = '" + id + "')::" + types.get(i));
        }
        return sql.toString();
    }
}
