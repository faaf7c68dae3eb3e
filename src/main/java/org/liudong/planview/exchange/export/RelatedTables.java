package org.liudong.planview.exchange.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.db.Sql;
import org.liudong.planview.exchange.shapefile.FieldsManifest;
import org.postgresql.PGConnection;

/**
 * The nested (JSON) values of a shapefile export, as CSV tables beside the shapefile in the ZIP: a
 * DBF text field holds 254 bytes, and JSON cut there no longer parses. Each JSON column becomes
 * {@code <column>.csv} (UTF-8 with a BOM, for Excel): one row per array element — or one row for a
 * value that is not an array — keyed by the feature's id, with a column per key of the elements
 * ({@code sources.csv}: id, seq, file, line, quote). Nested values inside an element stay JSON text,
 * whole. PostgreSQL reads the JSON from the export's rows and writes the CSV (COPY), so
 * quoting is its, and what a planner joins in QGIS or Excel is exactly what was exported.
 */
final class RelatedTables {
    /** More keys than this, or keys that cannot be column names, and an element is one JSON text column. */
    private static final int MAX_KEYS = 100;
    static final String ELEMENT_NUMBER = "seq";
    /** The column of elements that are not objects (or of whole elements when their keys cannot be columns). */
    static final String NOT_AN_OBJECT = "json_value";

    private RelatedTables() {
    }

    /** The file a JSON column's values go to: {@code sources.csv}; never the manifest's name. */
    static String fileName(String column) {
        String base = Exporter.safeBaseName(column);
        String name = base + ".csv";
        return name.equalsIgnoreCase(FieldsManifest.FILE_NAME) ? base + "_values.csv" : name;
    }

    /**
     * Writes one JSON column of the export's rows as a related table.
     *
     * @param c          a connection that sees the export's rows
     * @param rows       the rows as an SQL relation: the scratch table's name, or the parenthesised query ({@link ExportRows#read})
     * @param idColumn   the feature id's column in the rows (its name in the .dbf too, so the join is by name)
     * @param jsonColumn the JSON column (as text) in the rows
     */
    static void write(Connection c, String rows, String idColumn, String jsonColumn, Path file) throws SQLException {
        String id = "s." + Sql.ident(idColumn);
        String elements = "jsonb_array_elements(CASE WHEN jsonb_typeof(s." + Sql.ident(jsonColumn) + "::jsonb) = 'array' THEN s."
                + Sql.ident(jsonColumn) + "::jsonb ELSE jsonb_build_array(s." + Sql.ident(jsonColumn) + "::jsonb) END)";
        String from = " FROM " + rows + " s CROSS JOIN LATERAL " + elements + " WITH ORDINALITY AS e(elem, n) WHERE s."
                + Sql.ident(jsonColumn) + " IS NOT NULL";
        List<String> keys = keys(c, from);
        boolean plain = keys.size() > MAX_KEYS || keys.stream().anyMatch(k -> k.isEmpty() || k.getBytes(StandardCharsets.UTF_8).length > 60
                || k.indexOf('\0') >= 0);
        List<String> select = new ArrayList<>(List.of(id + " AS " + Sql.ident(idColumn), "e.n AS " + Sql.ident(ELEMENT_NUMBER)));
        String record = "";
        if (plain) {
            select.add("e.elem::text AS " + Sql.ident(NOT_AN_OBJECT));
        } else {
            List<String> definitions = new ArrayList<>();
            for (String k : keys) {
                definitions.add(Sql.ident(k) + " text");
                boolean clash = k.equals(idColumn) || k.equals(ELEMENT_NUMBER) || k.equals(NOT_AN_OBJECT);
                select.add("x." + Sql.ident(k) + " AS " + Sql.ident(clash ? "element_" + k : k));
            }
            if (hasNonObjects(c, from)) select.add("CASE WHEN jsonb_typeof(e.elem) <> 'object' THEN e.elem::text END AS "
                    + Sql.ident(NOT_AN_OBJECT));
            if (!definitions.isEmpty()) {
                record = " LEFT JOIN LATERAL jsonb_to_record(CASE WHEN jsonb_typeof(e.elem) = 'object' THEN e.elem ELSE '{}' END)"
                        + " AS x(" + String.join(", ", definitions) + ") ON true";
            }
        }
        String query = "SELECT " + String.join(", ", select) + " FROM " + rows + " s CROSS JOIN LATERAL " + elements
                + " WITH ORDINALITY AS e(elem, n)" + record + " WHERE s." + Sql.ident(jsonColumn) + " IS NOT NULL ORDER BY " + id + ", e.n";
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER true)", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of the object elements, most common first (then by name), so the columns are stable. */
    private static List<String> keys(Connection c, String from) throws SQLException {
        List<String> keys = new ArrayList<>();
        String sql = "SELECT k FROM (SELECT e.elem" + from + ") x CROSS JOIN LATERAL jsonb_object_keys(CASE WHEN jsonb_typeof(x.elem) = "
                + "'object' THEN x.elem ELSE '{}' END) AS k GROUP BY k ORDER BY count(*) DESC, k LIMIT " + (MAX_KEYS + 1);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) keys.add(rs.getString(1));
        }
        return keys;
    }

    private static boolean hasNonObjects(Connection c, String from) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1" + from + " AND jsonb_typeof(e.elem) <> 'object')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
