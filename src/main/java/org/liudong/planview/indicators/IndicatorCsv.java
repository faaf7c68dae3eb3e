package org.liudong.planview.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV row per value, with its indicator, its source and — on a target's row — the progress
 * measured against it. UTF-8 with a byte-order mark, so that Excel shows the Chinese.
 */
final class IndicatorCsv {
    private static final CsvMapper CSV = new CsvMapper();
    private static final List<String> COLUMNS = List.of("indicator_id", "name_zh", "name_en", "theme", "scope", "measure",
            "unit", "value_id", "kind", "period", "period_zh", "stated", "value", "qualifier", "reported_share",
            "conflict", "file", "line", "quote", "document_title_zh", "document_part_zh", "progress_actual_id",
            "progress_status", "share_achieved", "expected_share", "actual_rate", "target_rate", "warning", "rule_zh");

    private IndicatorCsv() {
    }

    @SuppressWarnings("unchecked")
    static byte[] write(List<Map<String, Object>> indicators) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> ind : indicators) {
            List<Object> conflicting = new ArrayList<>();
            for (Map<String, Object> k : (List<Map<String, Object>>) ind.get("conflicts")) {
                conflicting.addAll((List<Object>) k.get("value_ids"));
            }
            for (Map<String, Object> v : (List<Map<String, Object>>) ind.get("values")) {
                List<Map<String, Object>> against = new ArrayList<>();
                for (Map<String, Object> p : (List<Map<String, Object>>) ind.get("progress")) {
                    if (v.get("id").equals(p.get("target_id"))) against.add(p);
                }
                if (against.isEmpty()) against.add(Map.of());
                for (Map<String, Object> p : against) rows.add(row(ind, v, p, conflicting.contains(v.get("id"))));
            }
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        try {
            String body = CSV.writer(schema.build()).writeValueAsString(rows);
            return ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the indicator CSV failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> ind, Map<String, Object> v, Map<String, Object> p, boolean conflict) {
        Map<String, Object> source = (Map<String, Object>) v.get("source");
        Map<String, Object> r = new LinkedHashMap<>();
        for (String k : List.of("name_zh", "name_en", "theme", "scope", "measure", "unit")) r.put(k, ind.get(k));
        r.put("indicator_id", ind.get("id"));
        r.put("value_id", v.get("id"));
        for (String k : List.of("kind", "period", "period_zh", "stated", "value", "qualifier")) r.put(k, v.get(k));
        r.put("reported_share", v.get("reported_share_stated"));
        r.put("conflict", conflict);
        r.put("file", source.get("file"));
        r.put("line", source.get("line"));
        r.put("quote", source.get("quote"));
        r.put("document_title_zh", source.get("document_title_zh"));
        r.put("document_part_zh", source.get("part_zh"));
        r.put("progress_actual_id", p.get("actual_id"));
        r.put("progress_status", p.get("status"));
        r.put("share_achieved", p.get("share"));
        r.put("expected_share", p.get("expected_share"));
        r.put("actual_rate", p.get("actual_rate"));
        r.put("target_rate", p.get("target_rate"));
        r.put("warning", p.get("warning"));
        r.put("rule_zh", p.get("rule_zh"));
        return r;
    }
}
