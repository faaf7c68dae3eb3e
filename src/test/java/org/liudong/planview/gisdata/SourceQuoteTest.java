package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liudong.planview.gisdata.LoadedData.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.RepoPaths;

/** Every quote in the loaded data occurs, exactly, at the cited line of the cited seed text. */
class SourceQuoteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES_WITH_SOURCES =
            List.of("planning_area", "spatial_structure", "project", "road", "river", "locality");

    private final Map<String, List<String>> texts = new HashMap<>();

    /** Lines as `sed -n Np` numbers them: split on \n only, 1-based. */
    private List<String> lines(String file) {
        return texts.computeIfAbsent(file, f -> {
            Path p = RepoPaths.seeds().resolve(f);
            try {
                return List.of(Files.readString(p, StandardCharsets.UTF_8).split("\n", -1));
            } catch (IOException e) {
                throw new IllegalStateException("cited file " + f + " is not among the seeds (" + p + ")", e);
            }
        });
    }

    @Test
    void everyQuoteOccursAtItsCitedLine() throws IOException {
        Assumptions.assumeTrue(RepoPaths.haveSeeds(), RepoPaths.NO_SEEDS);
        LoadedData.dataSource();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String table : TABLES_WITH_SOURCES) {
            for (List<Object> r : rows("SELECT id, sources::text FROM " + table + " WHERE sources IS NOT NULL")) {
                JsonNode sources = JSON.readTree((String) r.get(1));
                if (!sources.isArray() || sources.isEmpty()) failures.add(table + " " + r.get(0) + ": no sources");
                for (JsonNode s : sources) {
                    String file = s.path("file").asText();
                    int line = s.path("line").asInt();
                    String quote = s.path("quote").asText();
                    List<String> text = lines(file);
                    checked++;
                    if (quote.isBlank() || line < 1 || line > text.size() || !text.get(line - 1).contains(quote)) {
                        failures.add(table + " " + r.get(0) + ": " + file + ":" + line + " does not contain “" + quote + "”");
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " quotes not found:\n" + String.join("\n", failures));
        assertTrue(checked > 300, "expected hundreds of quotes, checked " + checked);
    }

    @Test
    void everyAreaAndProjectTracesToAQuote() {
        LoadedData.dataSource();
        for (String table : List.of("planning_area", "spatial_structure", "project")) {
            assertEquals(List.of(), rows("SELECT id FROM " + table
                    + " WHERE sources IS NULL OR jsonb_array_length(sources) = 0"), table + " rows without a source");
        }
    }

    @Test
    void statusHistoryPointsAtACitedQuote() throws IOException {
        LoadedData.dataSource();
        List<String> failures = new ArrayList<>();
        for (List<Object> r : rows("SELECT id, status_history::text, sources::text FROM project")) {
            JsonNode hist = JSON.readTree((String) r.get(1));
            JsonNode sources = JSON.readTree((String) r.get(2));
            for (JsonNode h : hist) {
                boolean cited = false;
                for (JsonNode s : sources) {
                    cited |= s.path("file").asText().equals(h.path("file").asText())
                            && s.path("line").asInt() == h.path("line").asInt();
                }
                if (!cited) failures.add(r.get(0) + ": status " + h + " has no quote at that line");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
