package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liudong.planview.gisdata.LoadedData.count;
import static org.liudong.planview.gisdata.LoadedData.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The major projects: where they are, what they link to, and that their figures are quoted. */
class ProjectLayerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void atLeast150NamedProjects() {
        LoadedData.dataSource();
        assertTrue(count("SELECT count(*) FROM project") >= 150);
    }

    /** Every name and alias belongs to one feature; the audit's duplicates are one feature each. */
    @Test
    void oneRealThingOneFeature() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("""
                SELECT n, count(*) FROM (
                    SELECT name_zh AS n FROM project
                    UNION ALL SELECT jsonb_array_elements_text(aliases) FROM project WHERE aliases IS NOT NULL) x
                GROUP BY n HAVING count(*) > 1"""), "a name used by two features");
        // every alias is a name a cited quote uses
        assertEquals(List.of(), rows("""
                SELECT p.id, a FROM project p, jsonb_array_elements_text(p.aliases) a
                WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p.sources) s WHERE s->>'quote' LIKE '%' || a || '%')"""));
        List<List<String>> sameThing = List.of(
                List.of("柳州工学院北校区", "鹿山学院北院"),
                List.of("国信优易", "优易空间", "徐工信息"),
                List.of("广西互联网教育产业园", "华夏桃李"),
                List.of("国轩二期", "第二个5GWH"),
                List.of("E区"));
        for (List<String> names : sameThing) {
            StringBuilder where = new StringBuilder("false");
            for (int i = 0; i < names.size(); i++) where.append(" OR name_zh || coalesce(aliases::text, '') LIKE ?");
            Object[] patterns = names.stream().map(n -> "%" + n + "%").toArray();
            assertEquals(1, count("SELECT count(*) FROM project WHERE " + where, patterns), "one feature for " + names);
        }
    }

    /** Kinds the texts give: 三产 is villagers' collective land, 保租房 and 老旧小区改造 are their own kinds. */
    @Test
    void categoriesFollowTheText() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("SELECT name_zh, category FROM project WHERE name_zh LIKE '%三产%' AND category <> '农民三产开发'"));
        assertEquals(List.of(), rows("SELECT name_zh, category FROM project WHERE name_zh LIKE '%保租房%' AND category <> '保障性租赁住房'"));
        assertEquals(List.of(), rows("SELECT name_zh, category FROM project WHERE name_zh LIKE '%老旧%' AND category <> '老旧小区改造'"));
        assertEquals(List.of(), rows("SELECT name_zh, category FROM project WHERE category = '安置住房' AND name_zh NOT LIKE '%安置%'"));
        // 001 line 52 names 久铖高科 and 悠跑科技 only as 亿元工业项目: no industry, no cluster by industry
        assertEquals(List.of(List.of("工业项目（未说明行业）", "zone"), List.of("工业项目（未说明行业）", "zone")), rows("""
                SELECT p.category, a.kind FROM project p JOIN planning_area a ON a.id = p.area_id
                WHERE p.name_zh IN ('久铖高科项目', '悠跑科技项目')"""));
    }

    @Test
    void everyProjectLiesInsideLiudong() {
        LoadedData.dataSource();
        // Liudong = the three functional zones together
        assertEquals(List.of(), rows("""
                SELECT p.id, p.name_zh FROM project p
                WHERE NOT ST_Covers((SELECT ST_Union(geom) FROM planning_area WHERE kind = 'zone'), p.geom)"""));
    }

    @Test
    void everyProjectLiesInsideTheAreaItIsLinkedTo() {
        LoadedData.dataSource();
        assertEquals(0, count("SELECT count(*) FROM project WHERE area_id IS NULL"));
        assertEquals(List.of(), rows("""
                SELECT p.id, p.name_zh, p.area_id FROM project p JOIN planning_area a ON a.id = p.area_id
                WHERE NOT ST_Covers(a.geom, p.geom)"""));
        // the link is a cluster or park wherever one fits: most projects are not merely "in a zone"
        assertTrue(count("SELECT count(*) FROM project p JOIN planning_area a ON a.id = p.area_id WHERE a.kind <> 'zone'")
                > count("SELECT count(*) FROM project") / 2);
    }

    /** Every feature a project can be placed by, with its own accuracy label. */
    private static final String REFERENCES = """
            SELECT id, geometry_quality, geom FROM road
            UNION ALL SELECT id, geometry_quality, geom FROM locality
            UNION ALL SELECT id, geometry_quality, geom FROM planning_area""";

    /**
     * Labels consistent with the placement method: a point is approximate exactly when everything it
     * is placed by has a known (approximate or better) position, and it really lies where its method
     * says — on its road (within 1 m), at the crossing of its two roads, inside its 片区 or area.
     */
    @Test
    void locationQualityFollowsThePlacementMethod() {
        LoadedData.dataSource();
        assertEquals(0, count("SELECT count(*) FROM project WHERE placement IS NULL OR placement_ref IS NULL"));
        assertEquals(List.of(), rows("""
                SELECT p.id, p.placement, p.placement_ref FROM project p
                WHERE jsonb_array_length(p.placement_ref) <> CASE p.placement WHEN 'road-crossing' THEN 2 ELSE 1 END
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(p.placement_ref) r
                              WHERE NOT EXISTS (SELECT 1 FROM (%s) x WHERE x.id = r))""".formatted(REFERENCES)),
                "placement references missing");
        assertEquals(List.of(), rows("""
                SELECT p.id, p.location_quality, bool_and(x.geometry_quality = 'approximate') FROM project p
                JOIN LATERAL jsonb_array_elements_text(p.placement_ref) r ON true JOIN (%s) x ON x.id = r
                GROUP BY p.id, p.location_quality
                HAVING (p.location_quality = 'approximate') <> bool_and(x.geometry_quality = 'approximate')
                """.formatted(REFERENCES)), "a label that its placement does not support");
        assertEquals(List.of(), rows("""
                SELECT p.id, p.placement, r FROM project p
                JOIN LATERAL jsonb_array_elements_text(p.placement_ref) r ON true JOIN (%s) x ON x.id = r
                WHERE CASE WHEN p.placement IN ('road', 'road-crossing') THEN NOT ST_DWithin(p.geom::geography, x.geom::geography, 1)
                           ELSE NOT ST_Covers(x.geom, p.geom) END""".formatted(REFERENCES)), "a point not where its placement says");
        // the placement is the place a text names unless the link is inferred, and the note says which
        assertEquals(List.of(), rows("""
                SELECT id, location_note FROM project
                WHERE area_inferred AND location_note NOT LIKE '%文本未给出位置%' AND location_note NOT LIKE '%推定%'"""));
        assertTrue(count("SELECT count(DISTINCT placement) FROM project") == 4);
    }

    /** Each history entry, with the date of the text its line is in, worked out from the source tables. */
    private static final String HISTORY = """
            SELECT p.id, h.ord, h.e->>'date' AS date, (h.e->>'year')::int AS year, h.e->>'status_zh' AS status,
                   h.e->>'stated' AS stated, h.e->>'file' AS file, (h.e->>'line')::int AS line,
                   coalesce(sp.dated_on, d.dated_on) AS text_date, s.stated AS vocabulary_stated, s.stage
            FROM project p
            CROSS JOIN LATERAL jsonb_array_elements(p.status_history) WITH ORDINALITY h(e, ord)
            LEFT JOIN source_document d ON d.file = h.e->>'file'
            LEFT JOIN source_part sp ON sp.file = d.file AND (h.e->>'line')::int BETWEEN sp.first_line AND sp.last_line
            LEFT JOIN project_status s ON s.status_zh = h.e->>'status_zh'
            """;

    @Test
    void statusHistoryIsDatedByTheStatingTextAndOrderedByThatDate() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("SELECT id, ord, status, file, line, date, text_date FROM (" + HISTORY + ") x"
                + " WHERE date IS DISTINCT FROM text_date"), "entries not dated by the text (or reprinted notice) that states them");
        assertEquals(List.of(), rows("SELECT id, ord, status, stated, vocabulary_stated FROM (" + HISTORY + ") x"
                + " WHERE vocabulary_stated IS NULL OR stated IS DISTINCT FROM vocabulary_stated"), "statuses outside project_status");
        assertEquals(List.of(), rows("""
                SELECT a.id, a.ord, a.date, b.ord, b.date FROM (%1$s) a JOIN (%1$s) b ON a.id = b.id AND b.ord = a.ord + 1
                WHERE b.date < a.date OR (b.date = a.date AND b.year < a.year)""".formatted(HISTORY)),
                "history not in order of evidence date");
        assertEquals(List.of(), rows("SELECT id, status, year, count(*) FROM (" + HISTORY + ") x GROUP BY id, status, year HAVING count(*) > 1"),
                "the same status twice in one year");
        // the 2024 gazette reprints notices of 2022: nothing it says is dated 2024
        assertEquals(0, count("SELECT count(*) FROM (" + HISTORY + ") x WHERE date LIKE '2024%' OR year = 2024"));
        // what the reprinted 2022 plans say of a project is an intention, or a working facility they build on
        assertEquals(List.of(), rows("SELECT id, status, line FROM (" + HISTORY + ") x"
                + " WHERE file = '002_9db75a2811220992.txt' AND stated = 'reported' AND status <> '运营'"));
    }

    /**
     * Re-derives every current status from the history and the vocabulary's stages: the latest dated
     * statement, except that an intention replaces a reported state only at a later stage, and an
     * earlier intention only at the same stage or later.
     */
    @Test
    void currentStatusIsTheLatestDatedEvidence() {
        LoadedData.dataSource();
        Map<String, List<List<Object>>> byProject = new TreeMap<>();
        for (List<Object> r : rows("SELECT id, status, stated, stage, year, date FROM (" + HISTORY + ") x ORDER BY id, ord")) {
            byProject.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add(r);
        }
        List<String> failures = new ArrayList<>();
        for (List<Object> p : rows("SELECT id, status, status_year, status_date FROM project ORDER BY id")) {
            List<Object> current = null;
            for (List<Object> e : byProject.getOrDefault((String) p.get(0), List.of())) {
                boolean reported = "reported".equals(e.get(2));
                int stage = (Integer) e.get(3);
                if (current == null || reported
                        || ("reported".equals(current.get(2)) && stage > (Integer) current.get(3))
                        || ("intended".equals(current.get(2)) && stage >= (Integer) current.get(3))) {
                    current = e;
                }
            }
            List<Object> expected = current == null ? Arrays.asList(null, null, null) : List.of(current.get(1), current.get(4), current.get(5));
            List<Object> actual = Arrays.asList(p.get(1), p.get(2), p.get(3));
            if (!expected.equals(actual)) failures.add(p.get(0) + ": " + actual + " should be " + expected);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(count("SELECT count(*) FROM project WHERE status IS NOT NULL") > 150);
        // the audit's two cases: a 2022 plan verb no longer outranks the production the reports record
        assertEquals(List.of(List.of("投产", 2022)), rows("SELECT status, status_year FROM project WHERE name_zh LIKE '国轩高科动力电池生产基地%'"));
        assertEquals(List.of(List.of("投产", 2021)), rows("SELECT status, status_year FROM project WHERE name_zh = '一汽解放柳州新基地'"));
    }

    @Test
    void everyFigureIsWrittenInACitedQuote() throws IOException {
        LoadedData.dataSource();
        List<String> failures = new ArrayList<>();
        for (List<Object> r : rows("""
                SELECT id, sources::text, coalesce(figures, '[]')::text, investment_yi, capacity_gwh, land_mu
                FROM project""")) {
            JsonNode sources = JSON.readTree((String) r.get(1));
            for (JsonNode f : JSON.readTree((String) r.get(2))) {
                String v = plain(f.path("value").decimalValue());
                boolean found = false;
                for (JsonNode s : sources) {
                    found |= s.path("file").asText().equals(f.path("file").asText())
                            && s.path("line").asInt() == f.path("line").asInt() && s.path("quote").asText().contains(v);
                }
                if (!found) failures.add(r.get(0) + ": figure " + f + " not in a quote at its line");
            }
            for (int col = 3; col <= 5; col++) {
                if (r.get(col) == null) continue;
                String v = plain((BigDecimal) r.get(col));
                boolean found = false;
                for (JsonNode s : sources) found |= s.path("quote").asText().contains(v);
                if (!found) failures.add(r.get(0) + ": value " + v + " not in any quote");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(count("SELECT count(*) FROM project WHERE capacity_gwh IS NOT NULL") >= 3);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
