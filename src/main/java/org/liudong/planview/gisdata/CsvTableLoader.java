package org.liudong.planview.gisdata;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * Loads the shipped reference tables kept as CSV in gis-data/ — the documents the layers cite
 * (source_document, source_part; V20), the project status vocabulary (project_status; V21) and
 * what the texts name without placing it (named_place; V25).
 * Titles and notes contain commas and quotes, so the files are read as real CSV (RFC 4180, with
 * Jackson's CSV module), columns by header name; an empty cell is NULL. Table and column names are
 * the constants below, never data.
 */
final class CsvTableLoader {

    /** One CSV file and the table it fills; integer columns are bound as integers, the rest as text. */
    record CsvTable(String file, String table, List<String> columns, List<String> integerColumns) {
        String insertSql() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        }
    }

    static final CsvTable SOURCE_DOCUMENTS = new CsvTable("source_document.csv", "source_document",
            List.of("file", "title_zh", "doc_number", "issuer_zh", "issued_on", "dated_on", "covers_zh", "note_zh", "sha256"),
            List.of());
    static final CsvTable SOURCE_PARTS = new CsvTable("source_part.csv", "source_part",
            List.of("file", "first_line", "last_line", "title_zh", "doc_number", "issuer_zh", "dated_on", "covers_zh"),
            List.of("first_line", "last_line"));
    static final CsvTable PROJECT_STATUSES = new CsvTable("project_status.csv", "project_status",
            List.of("status_zh", "status_en", "stated", "stage", "meaning_zh"), List.of("stage"));

    static final CsvTable NAMED_PLACES = new CsvTable("named_place.csv", "named_place",
            List.of("id", "name_zh", "name_en", "kind", "kind_zh", "part_of", "file", "line", "quote", "title", "date", "note_zh"),
            List.of("line"));

    /** In load order: a table before the ones that refer to it. */
    static final List<CsvTable> ALL = List.of(SOURCE_DOCUMENTS, SOURCE_PARTS, PROJECT_STATUSES, NAMED_PLACES);

    private CsvTableLoader() {
    }

    /** @return the rows written */
    static int load(Connection c, Path gisDataDir, CsvTable spec) throws SQLException {
        List<Map<String, String>> rows = read(gisDataDir.resolve(spec.file()));
        try (PreparedStatement ps = c.prepareStatement(spec.insertSql())) {
            for (Map<String, String> row : rows) {
                int i = 1;
                for (String column : spec.columns()) {
                    if (!row.containsKey(column)) throw new IllegalArgumentException(spec.file() + " has no column " + column);
                    String v = row.get(column);
                    if (v == null || v.isEmpty()) ps.setNull(i++, Types.VARCHAR);
                    else if (spec.integerColumns().contains(column)) ps.setInt(i++, Integer.parseInt(v));
                    else ps.setString(i++, v);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    static List<Map<String, String>> read(Path file) {
        CsvMapper csv = new CsvMapper();
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class).with(header).readValues(in)) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
