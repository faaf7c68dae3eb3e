package org.liudong.planview.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of a table's columns (pg_attribute), for the catalogue (a layer's properties come
 * from its table, as in pg_featureserv) and for imports (the staging table's columns, the target's).
 */
public final class TableColumns {
    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname,
                   a.attnotnull AND NOT (a.atthasdef OR a.attidentity <> ''), a.attgenerated <> '',
                   CASE WHEN t.typname = 'geometry' THEN postgis_typmod_type(a.atttypmod) END,
                   CASE WHEN t.typname = 'geometry' THEN postgis_typmod_srid(a.atttypmod) END
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = to_regclass(format('%I.%I', ?::text, ?::text))
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """;

    private TableColumns() {
    }

    /** The columns of {@code schema.table} in their order; empty when the table does not exist. */
    public static List<TableColumn> of(Connection c, String schema, String table) throws SQLException {
        List<TableColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TableColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getString(6), rs.getInt(7)));
                }
            }
        }
        return columns;
    }

    /** The names of the columns of {@code schema.table}, in their order. */
    public static List<String> names(Connection c, String schema, String table) throws SQLException {
        return of(c, schema, table).stream().map(TableColumn::name).toList();
    }
}
