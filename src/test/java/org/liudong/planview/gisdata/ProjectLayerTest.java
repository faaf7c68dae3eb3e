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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The major projects: where they are, what they link to, and that their figures are quoted. */
class ProjectLayerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void atLeast150NamedProjects() {
        LoadedData.dataSource();
        assertTrue(count("SELECT count(*) FROM project") >= 150);
        assertEquals(0, count("SELECT count(*) - count(DISTINCT name_zh) FROM project"), "duplicate project names");
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

    @Test
    void projectsPlacedByInferenceSaySo() {
        LoadedData.dataSource();
        // schematic exactly when no text gives a place, and the note says so in words
        assertEquals(List.of(), rows("""
                SELECT id, location_quality, location_note FROM project
                WHERE (location_quality = 'schematic') <> (location_note LIKE '%文本未给出位置%')"""));
        // an area link we inferred is flagged in the note as well as in area_inferred
        assertEquals(List.of(), rows("""
                SELECT id, location_note FROM project
                WHERE area_inferred AND location_note NOT LIKE '%文本未给出位置%' AND location_note NOT LIKE '%推定%'"""));
        assertTrue(count("SELECT count(*) FROM project WHERE location_quality = 'approximate'") > 30);
    }

    @Test
    void latestStatusIsTheLatestReportedEntryInYearOrder() throws IOException {
        LoadedData.dataSource();
        List<String> failures = new ArrayList<>();
        for (List<Object> r : rows("SELECT id, status, status_year, status_history::text FROM project")) {
            JsonNode h = JSON.readTree((String) r.get(3));
            int prev = 0;
            for (JsonNode e : h) {
                if (e.path("year").asInt() < prev) failures.add(r.get(0) + ": history not in year order");
                prev = e.path("year").asInt();
            }
            // the latest entry, where a bare 规划 ("in a plan") does not override a reported state
            String expected = null;
            for (JsonNode e : h) {
                if (expected == null || !e.path("status_zh").asText().equals("规划")) expected = e.path("status_zh").asText();
            }
            if (expected == null ? r.get(1) != null : !expected.equals(r.get(1))) {
                failures.add(r.get(0) + ": status " + r.get(1) + " should be " + expected + " from " + h);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(count("SELECT count(*) FROM project WHERE status IS NOT NULL") > 150);
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
