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
 * Loads gis-data/source_document.csv and source_part.csv (the documents the layers cite, V20).
 * The titles and notes contain commas and quotes, so the files are read as real CSV (RFC 4180,
 * Jackson's CSV module), header by name; an empty cell is NULL.
 */
final class SourceDocumentLoader {
    static final String DOCUMENTS = "source_document.csv";
    static final String PARTS = "source_part.csv";

    private static final String INSERT_DOCUMENT = """
            INSERT INTO source_document (file, title_zh, doc_number, issuer_zh, issued_on, dated_on, covers_zh, note_zh, sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PART = """
            INSERT INTO source_part (file, first_line, last_line, title_zh, doc_number, issuer_zh, dated_on, covers_zh)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final List<String> DOCUMENT_COLUMNS =
            List.of("file", "title_zh", "doc_number", "issuer_zh", "issued_on", "dated_on", "covers_zh", "note_zh", "sha256");
    private static final List<String> PART_COLUMNS =
            List.of("file", "first_line", "last_line", "title_zh", "doc_number", "issuer_zh", "dated_on", "covers_zh");

    private SourceDocumentLoader() {
    }

    /** @return documents and parts loaded */
    static int[] load(Connection c, Path gisDataDir) throws SQLException {
        int documents = insert(c, read(gisDataDir.resolve(DOCUMENTS)), INSERT_DOCUMENT, DOCUMENT_COLUMNS);
        int parts = insert(c, read(gisDataDir.resolve(PARTS)), INSERT_PART, PART_COLUMNS);
        return new int[] {documents, parts};
    }

    private static int insert(Connection c, List<Map<String, String>> rows, String sql, List<String> columns) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map<String, String> row : rows) {
                int i = 1;
                for (String column : columns) {
                    if (!row.containsKey(column)) throw new IllegalArgumentException("source table without column " + column);
                    String v = row.get(column);
                    boolean number = column.endsWith("_line");
                    if (v == null || v.isEmpty()) ps.setNull(i++, Types.VARCHAR);
                    else if (number) ps.setInt(i++, Integer.parseInt(v));
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
