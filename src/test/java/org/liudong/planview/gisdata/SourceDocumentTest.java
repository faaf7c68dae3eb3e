package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liudong.planview.gisdata.LoadedData.count;
import static org.liudong.planview.gisdata.LoadedData.rows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.RepoPaths;

/**
 * The source-document table (V20, gis-data/source_document.csv): every cited file is in it, every
 * citation carries the title and date of the document — or of the reprinted notice — its line is
 * in, and the SHA-256 identifies the seed copy the line numbers refer to.
 */
class SourceDocumentTest {
    private static final String CITATIONS = """
            SELECT '%1$s' AS layer, t.id::text AS id, (s->>'file') AS file, (s->>'line')::int AS line,
                   s->>'title' AS title, s->>'date' AS date
            FROM %1$s t, jsonb_array_elements(t.sources) s""";
    private static final List<String> LAYERS =
            List.of("planning_area", "spatial_structure", "project", "road", "river", "locality");

    private static String allCitations() {
        List<String> parts = new ArrayList<>();
        for (String layer : LAYERS) parts.add(String.format(CITATIONS, layer));
        return String.join(" UNION ALL ", parts);
    }

    @Test
    void everyCitedFileIsADocumentWithTitleAndDate() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("SELECT DISTINCT c.file FROM (" + allCitations() + ") c"
                + " WHERE NOT EXISTS (SELECT 1 FROM source_document d WHERE d.file = c.file)"), "cited files missing from the table");
        assertEquals(0, count("SELECT count(*) FROM source_document WHERE title_zh = '' OR covers_zh = ''"));
        assertTrue(count("SELECT count(*) FROM source_document") >= 5);
    }

    @Test
    void everyCitationNamesTheDocumentItsLineIsIn() {
        LoadedData.dataSource();
        // the notice reprinted at that line, if any, else the whole document: worked out here in SQL
        List<List<Object>> wrong = rows("""
                SELECT c.layer, c.id, c.file, c.line, c.title, c.date,
                       coalesce(p.title_zh, d.title_zh), coalesce(p.dated_on, d.dated_on)
                FROM (%s) c
                JOIN source_document d ON d.file = c.file
                LEFT JOIN source_part p ON p.file = c.file AND c.line BETWEEN p.first_line AND p.last_line
                WHERE c.title IS DISTINCT FROM coalesce(p.title_zh, d.title_zh)
                   OR c.date IS DISTINCT FROM coalesce(p.dated_on, d.dated_on)""".formatted(allCitations()));
        assertEquals(List.of(), wrong);
        // the 2024 gazette's quotes are dated by the 2022 notices that say them
        assertEquals(0, count("SELECT count(*) FROM (" + allCitations() + ") c"
                + " WHERE c.file = '002_9db75a2811220992.txt' AND c.date NOT LIKE '2022-%'"));
        assertTrue(count("SELECT count(*) FROM (" + allCitations() + ") c WHERE c.file = '002_9db75a2811220992.txt'") > 20);
    }

    /** What the texts name without placing it: cited like every source, and drawn nowhere. */
    @Test
    void namedPlacesAreCitedAndNotDrawn() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("""
                SELECT n.id, n.title, n.date FROM named_place n
                JOIN source_document d ON d.file = n.file
                LEFT JOIN source_part p ON p.file = n.file AND n.line BETWEEN p.first_line AND p.last_line
                WHERE n.title IS DISTINCT FROM coalesce(p.title_zh, d.title_zh) OR n.date IS DISTINCT FROM coalesce(p.dated_on, d.dated_on)"""));
        assertEquals(List.of(), rows("""
                SELECT n.name_zh FROM named_place n
                WHERE n.name_zh IN (SELECT name_zh FROM project UNION ALL SELECT jsonb_array_elements_text(aliases) FROM project
                                    UNION ALL SELECT name_zh FROM locality UNION ALL SELECT name_zh FROM road)"""),
                "a named place that is also a drawn feature");
        assertTrue(count("SELECT count(*) FROM named_place WHERE kind IN ('village', 'hamlet')") >= 10);
    }

    @Test
    void reprintedPartsLieInsideTheirDocumentAndDoNotOverlap() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("""
                SELECT a.file, a.first_line, b.first_line FROM source_part a JOIN source_part b
                  ON a.file = b.file AND a.first_line < b.first_line AND a.last_line >= b.first_line"""));
    }

    /** Needs the source texts (../shared/seeds); skipped with a reason where they are absent. */
    @Test
    void theSeedTextsAreTheCopiesTheTableCites() throws IOException, NoSuchAlgorithmException {
        Path seeds = RepoPaths.seeds();
        LoadedData.dataSource();
        List<String> mismatches = new ArrayList<>();
        for (List<Object> r : rows("SELECT file, sha256 FROM source_document ORDER BY file")) {
            Path text = seeds.resolve((String) r.get(0));
            if (!Files.isRegularFile(text)) {
                mismatches.add(r.get(0) + ": not among the seeds");
                continue;
            }
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(text)));
            if (!actual.equals(r.get(1))) mismatches.add(r.get(0) + ": SHA-256 " + actual + ", the table cites " + r.get(1));
        }
        assertEquals(List.of(), mismatches);
    }
}
