package org.liudong.planview.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads the indicator tables (V30) into documents: each indicator with its values, every value with
 * its source (file, line, quote, document title), its progress and its conflicts. A progress entry
 * carries the values it compares in full, so one indicator's document stands on its own even when
 * the compared level belongs to another indicator.
 */
final class IndicatorStore {
    /** The same selection for every query: theme, scope, one id, only indicators with a warning. */
    private static final String SELECTED = """
            (?::text IS NULL OR i.theme = ?) AND (?::text IS NULL OR i.scope = ?) AND (?::text IS NULL OR i.id = ?)
            AND (NOT ? OR EXISTS (SELECT 1 FROM indicator_progress w WHERE w.indicator_id = i.id AND w.warning))""";
    private static final String INDICATORS = """
            SELECT i.id, i.name_zh, i.name_en, i.theme, i.scope, i.measure, i.unit, i.note, i.implied_from
            FROM indicator i WHERE """ + SELECTED + " ORDER BY i.sort_order";
    private static final String VALUE_COLUMNS = """
            SELECT v.indicator_id, v.id, v.kind, v.period, to_char(v.period_start, 'YYYY-MM'), to_char(v.period_end, 'YYYY-MM'),
                   v.period_zh, v.period_en, v.stated, v.number, v.value, v.qualifier, v.reported_share_stated,
                   v.reported_share, v.note, v.file, v.line, v.quote, d.title_zh, d.title_en, d.date, v.part_zh, v.part_en
            FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN indicator_document d ON d.file = v.file""";
    private static final String VALUES = VALUE_COLUMNS + " WHERE " + SELECTED + " ORDER BY i.sort_order, v.sort_order";
    private static final String VALUES_BY_ID = VALUE_COLUMNS + " WHERE v.id = ANY (?)";
    private static final String PROGRESS = """
            SELECT p.indicator_id, p.method, p.target_id, p.actual_id, p.base_id, p.share, p.expected_share, p.actual_rate,
                   p.target_rate, p.gap_points, p.years, p.status, p.warning, p.caveat_zh, p.caveat_en, r.rule_zh, r.rule_en
            FROM indicator_progress p JOIN indicator i ON i.id = p.indicator_id JOIN indicator_rule r ON r.method = p.method
            WHERE """ + SELECTED + " ORDER BY i.sort_order, p.target_id, p.actual_id";
    private static final String CONFLICTS = """
            SELECT k.indicator_id, k.kind, k.period, k.value_ids
            FROM indicator_conflict k JOIN indicator i ON i.id = k.indicator_id
            WHERE """ + SELECTED + " ORDER BY i.sort_order, k.period";
    private static final String RULES = "SELECT method, rule_zh, rule_en FROM indicator_rule ORDER BY method";

    private final DataSource ds;

    IndicatorStore(DataSource ds) {
        this.ds = ds;
    }

    /** The selected indicators, in the dataset's order, each with values, progress and conflicts. */
    List<Map<String, Object>> indicators(IndicatorRequest r, String id) throws SQLException {
        Object[] selection = {r.theme(), r.theme(), r.scope(), r.scope(), id, id, r.warningsOnly()};
        try (Connection c = ds.getConnection()) {
            Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
            for (Map<String, Object> i : query(c, INDICATORS, selection, IndicatorStore::indicator)) {
                byId.put((String) i.get("id"), i);
            }
            Map<String, Map<String, Object>> values = new LinkedHashMap<>();
            for (Map<String, Object> v : query(c, VALUES, selection, IndicatorStore::value)) {
                values.put((String) v.get("id"), v);
                listOf(byId.get((String) v.remove("indicatorId")), "values").add(v);
            }
            List<Map<String, Object>> progress = query(c, PROGRESS, selection, IndicatorStore::progress);
            withComparedValues(c, progress, values);
            for (Map<String, Object> p : progress) {
                Map<String, Object> owner = byId.get((String) p.remove("indicatorId"));
                listOf(owner, "progress").add(p);
                if (Boolean.TRUE.equals(p.get("warning"))) owner.put("warning", true);
            }
            for (Map<String, Object> k : query(c, CONFLICTS, selection, IndicatorStore::conflict)) {
                Map<String, Object> owner = byId.get((String) k.remove("indicatorId"));
                listOf(owner, "conflicts").add(k);
                owner.put("conflict", true);
            }
            return new ArrayList<>(byId.values());
        }
    }

    List<Map<String, Object>> rules() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return query(c, RULES, new Object[0], rs -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("method", rs.getString(1));
                m.put("rule_zh", rs.getString(2));
                m.put("rule_en", rs.getString(3));
                return m;
            });
        }
    }

    /** Puts the target, actual (and base) values into each progress entry, fetching those of other indicators. */
    private static void withComparedValues(Connection c, List<Map<String, Object>> progress,
                                           Map<String, Map<String, Object>> known) throws SQLException {
        Set<String> missing = new LinkedHashSet<>();
        for (Map<String, Object> p : progress) {
            for (String role : List.of("target_id", "actual_id", "base_id")) {
                Object vid = p.get(role);
                if (vid != null && !known.containsKey(vid)) missing.add((String) vid);
            }
        }
        Map<String, Map<String, Object>> all = new LinkedHashMap<>(known);
        if (!missing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(VALUES_BY_ID)) {
                ps.setArray(1, c.createArrayOf("text", missing.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> v = value(rs);
                        v.put("indicator_id", v.remove("indicatorId"));
                        all.put((String) v.get("id"), v);
                    }
                }
            }
        }
        for (Map<String, Object> p : progress) {
            p.put("target", all.get(p.get("target_id")));
            p.put("actual", all.get(p.get("actual_id")));
            if (p.get("base_id") != null) p.put("base", all.get(p.get("base_id")));
        }
    }

    private interface RowReader {
        Map<String, Object> read(ResultSet rs) throws SQLException;
    }

    private static List<Map<String, Object>> query(Connection c, String sql, Object[] params, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) out.add(reader.read(rs));
                return out;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Map<String, Object> owner, String key) {
        return (List<Map<String, Object>>) owner.get(key);
    }

    private static Map<String, Object> indicator(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getString(1));
        m.put("name_zh", rs.getString(2));
        m.put("name_en", rs.getString(3));
        m.put("theme", rs.getString(4));
        m.put("scope", rs.getString(5));
        m.put("measure", rs.getString(6));
        m.put("unit", rs.getString(7));
        m.put("note", rs.getString(8));
        m.put("implied_from", rs.getString(9));
        m.put("warning", false);
        m.put("conflict", false);
        m.put("values", new ArrayList<>());
        m.put("progress", new ArrayList<>());
        m.put("conflicts", new ArrayList<>());
        return m;
    }

    private static Map<String, Object> value(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicatorId", rs.getString(1));
        m.put("id", rs.getString(2));
        m.put("kind", rs.getString(3));
        m.put("period", rs.getString(4));
        m.put("period_start", rs.getString(5));
        m.put("period_end", rs.getString(6));
        m.put("period_zh", rs.getString(7));
        m.put("period_en", rs.getString(8));
        m.put("stated", rs.getString(9));
        m.put("number", rs.getDouble(10));
        m.put("value", rs.getDouble(11));
        m.put("qualifier", rs.getString(12));
        m.put("reported_share_stated", rs.getString(13));
        m.put("reported_share", number(rs, 14));
        m.put("note", rs.getString(15));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("file", rs.getString(16));
        source.put("line", rs.getInt(17));
        source.put("quote", rs.getString(18));
        source.put("document_title_zh", rs.getString(19));
        source.put("document_title_en", rs.getString(20));
        source.put("document_date", rs.getString(21));
        source.put("part_zh", rs.getString(22));
        source.put("part_en", rs.getString(23));
        m.put("source", source);
        return m;
    }

    private static Map<String, Object> progress(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicatorId", rs.getString(1));
        m.put("method", rs.getString(2));
        m.put("target_id", rs.getString(3));
        m.put("actual_id", rs.getString(4));
        m.put("base_id", rs.getString(5));
        m.put("share", number(rs, 6));
        m.put("expected_share", number(rs, 7));
        m.put("actual_rate", number(rs, 8));
        m.put("target_rate", number(rs, 9));
        m.put("gap_points", number(rs, 10));
        m.put("years", rs.getObject(11));
        m.put("status", rs.getString(12));
        m.put("warning", rs.getBoolean(13));
        m.put("caveat_zh", rs.getString(14));
        m.put("caveat_en", rs.getString(15));
        m.put("rule_zh", rs.getString(16));
        m.put("rule_en", rs.getString(17));
        return m;
    }

    private static Map<String, Object> conflict(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicatorId", rs.getString(1));
        m.put("kind", rs.getString(2));
        m.put("period", rs.getString(3));
        m.put("value_ids", List.of((String[]) rs.getArray(4).getArray()));
        return m;
    }

    private static Double number(ResultSet rs, int i) throws SQLException {
        double d = rs.getDouble(i);
        return rs.wasNull() ? null : d;
    }
}
