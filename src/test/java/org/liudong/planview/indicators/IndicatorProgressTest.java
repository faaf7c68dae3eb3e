package org.liudong.planview.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.gisdata.GisDataLoader;
import org.liudong.planview.testing.RepoPaths;
import org.liudong.planview.testing.TestDatabase;

/**
 * Progress, warnings and conflicts recomputed here from the loaded values alone — pairing, shares,
 * straight-line expectations and rates by this test's own arithmetic — and compared with what the
 * dataset stores and the API serves.
 */
class IndicatorProgressTest {
    private static DataSource ds;
    private static final Map<String, Value> values = new TreeMap<>();
    private static final Map<String, Indicator> indicators = new TreeMap<>();

    record Indicator(String id, String measure, String scope, String unit, String impliedFrom) {
    }

    record Value(String id, String indicator, String kind, String period, LocalDate start, LocalDate end, double value) {
        boolean wholeYear() {
            return start.getYear() == end.getYear() && start.getDayOfYear() == 1 && end.getMonthValue() == 12 && end.getDayOfMonth() == 31;
        }
    }

    @BeforeAll
    static void load() throws SQLException {
        ds = TestDatabase.dataSource();
        GisDataLoader.loadIfEmpty(ds, RepoPaths.root().resolve("gis-data"), GisDataLoader.DEMO_PARCELS);
        for (List<Object> r : rows("SELECT id, measure, scope, unit, implied_from FROM indicator")) {
            indicators.put((String) r.get(0), new Indicator((String) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3), (String) r.get(4)));
        }
        for (List<Object> r : rows("SELECT id, indicator_id, kind, period, period_start, period_end, value::float8 FROM indicator_value")) {
            values.put((String) r.get(0), new Value((String) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3),
                    ((java.sql.Date) r.get(4)).toLocalDate(), ((java.sql.Date) r.get(5)).toLocalDate(), (Double) r.get(6)));
        }
    }

    /** The progress this test derives: key "method target actual" → figures and status. */
    private static Map<String, String> expectedProgress() {
        Map<String, String> out = new TreeMap<>();
        for (Value t : values.values()) {
            if (t.kind().equals("actual")) continue;
            Indicator ind = indicators.get(t.indicator());
            for (Value a : values.values()) {
                if (!a.indicator().equals(t.indicator()) || !a.kind().equals("actual")) continue;
                if (!a.start().equals(t.start()) || a.end().isAfter(t.end())) continue;
                boolean whole = a.end().equals(t.end());
                if (ind.measure().equals("flow")) {
                    double share = a.value() / t.value();
                    double expected = (double) months(a) / months(t);
                    String status = whole ? (share >= 1 ? "achieved" : "missed") : (share < expected ? "behind" : "on_track");
                    out.put("straight_line " + t.id() + " " + a.id(), String.format("share=%.3f expected=%.3f %s", share, expected, status));
                } else if (ind.measure().equals("growth")) {
                    String status = whole ? (a.value() >= t.value() ? "achieved" : "missed") : (a.value() < t.value() ? "behind" : "on_track");
                    out.put("growth " + t.id() + " " + a.id(), String.format("actual=%.3f target=%.3f %s", a.value(), t.value(), status));
                }
            }
            if (ind.impliedFrom() != null) {
                int first = t.start().getYear();
                int last = t.end().getYear();
                Value base = null;
                Value latest = null;
                for (Value l : values.values()) {
                    if (!l.indicator().equals(ind.impliedFrom()) || !l.kind().equals("actual") || !l.wholeYear()) continue;
                    int y = l.start().getYear();
                    if (y == first - 1) base = l;
                    if (y >= first && y <= last && (latest == null || y > latest.start().getYear())) latest = l;
                }
                if (base != null && latest != null) {
                    int years = latest.start().getYear() - base.start().getYear();
                    double rate = 100 * (Math.pow(latest.value() / base.value(), 1.0 / years) - 1);
                    out.put("implied_growth " + t.id() + " " + latest.id(),
                            String.format("actual=%.3f target=%.3f %s", rate, t.value(), rate < t.value() ? "behind" : "on_track"));
                }
            }
        }
        return out;
    }

    private static long months(Value v) {
        return ChronoUnit.MONTHS.between(YearMonth.from(v.start()), YearMonth.from(v.end())) + 1;
    }

    @Test
    void storedProgressIsWhatTheValuesGive() {
        Map<String, String> stored = new TreeMap<>();
        for (List<Object> r : rows("SELECT method, target_id, actual_id, share::float8, expected_share::float8, actual_rate::float8, "
                + "target_rate::float8, status, warning FROM indicator_progress")) {
            String key = r.get(0) + " " + r.get(1) + " " + r.get(2);
            String figures = r.get(0).equals("straight_line")
                    ? String.format("share=%.3f expected=%.3f %s", r.get(3), r.get(4), r.get(7))
                    : String.format("actual=%.3f target=%.3f %s", r.get(5), r.get(6), r.get(7));
            stored.put(key, figures);
            boolean warning = (Boolean) r.get(8);
            assertEquals(r.get(7).equals("behind") || r.get(7).equals("missed"), warning, key + ": warning flag follows the status");
        }
        Map<String, String> expected = expectedProgress();
        assertEquals(expected, stored);
        System.out.println("indicator progress, recomputed:\n  " + String.join("\n  ",
                expected.entrySet().stream().map(e -> e.getKey() + " → " + e.getValue()).toList()));
    }

    @Test
    void theMidYearShortfallsOf2021AreFlagged() {
        // 2021 H1 against the 2021 plan (speech of Jul 2021): land supplied 1457.83 of 6200 亩 is 23.5 %
        // of the target at 50 % of the year; fiscal revenue 29.29 of 55.37 亿元 (52.9 %) is on track.
        Map<String, Boolean> warned = new HashMap<>();
        for (List<Object> r : rows("SELECT indicator_id, bool_or(warning) FROM indicator_progress GROUP BY indicator_id")) {
            warned.put((String) r.get(0), (Boolean) r.get(1));
        }
        for (String behind : List.of("land_supply", "land_expropriation", "demolition", "new_industrial_firms", "new_service_firms",
                "fixed_investment_growth", "gdp_growth_nominal_avg")) {
            assertEquals(Boolean.TRUE, warned.get(behind), behind + " is flagged 预警");
        }
        for (String onTrack : List.of("fiscal_revenue", "financing", "new_jobs", "gdp_growth")) {
            assertEquals(Boolean.FALSE, warned.get(onTrack), onTrack + " is on track");
        }
    }

    @Test
    void nothingIsComparedAcrossUnitsScopesOrRateAndLevel() {
        List<String> failures = new ArrayList<>();
        for (List<Object> r : rows("SELECT indicator_id, method, target_id, actual_id, base_id FROM indicator_progress")) {
            Indicator owner = indicators.get((String) r.get(0));
            Value t = values.get((String) r.get(2));
            Value a = values.get((String) r.get(3));
            Indicator ta = indicators.get(t.indicator());
            Indicator aa = indicators.get(a.indicator());
            String method = (String) r.get(1);
            if (!ta.id().equals(owner.id())) failures.add(r + ": the target is not the indicator's own");
            switch (method) {
                case "straight_line" -> {
                    if (!owner.measure().equals("flow") || !aa.id().equals(owner.id())) failures.add(r + ": straight line outside one flow indicator");
                }
                case "growth" -> {
                    if (!owner.measure().equals("growth") || !aa.id().equals(owner.id())) failures.add(r + ": a rate compared outside its indicator");
                }
                case "implied_growth" -> {
                    Value b = values.get((String) r.get(4));
                    Indicator ba = indicators.get(b.indicator());
                    if (!owner.measure().equals("growth") || !aa.measure().equals("flow") || !aa.id().equals(ba.id())
                            || !aa.scope().equals(owner.scope())) {
                        failures.add(r + ": an implied rate must come from two levels of one indicator of the same scope");
                    }
                }
                default -> failures.add(r + ": unknown method");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void conflictsAreListed() {
        Map<String, TreeSet<Double>> groups = new TreeMap<>();
        Map<String, List<String>> ids = new TreeMap<>();
        for (Value v : values.values()) {
            String key = v.indicator() + " " + v.kind() + " " + v.period();
            groups.computeIfAbsent(key, k -> new TreeSet<>()).add(v.value());
            ids.computeIfAbsent(key, k -> new ArrayList<>()).add(v.id());
        }
        Map<String, String> expected = new TreeMap<>();
        groups.forEach((k, vs) -> {
            if (vs.size() > 1) expected.put(k, ids.get(k).stream().sorted().toList().toString());
        });
        Map<String, String> stored = new TreeMap<>();
        for (List<Object> r : rows("SELECT indicator_id, kind, period, value_ids FROM indicator_conflict")) {
            stored.put(r.get(0) + " " + r.get(1) + " " + r.get(2),
                    List.of((String[]) r.get(3)).stream().sorted().toList().toString());
        }
        assertEquals(expected, stored);
        assertTrue(stored.containsKey("attracted_funds plan 2023"), "2023 investment promotion: 120 亿元 (line 72) vs 140 亿元 (line 89)");
        List<List<Object>> both = rows("SELECT stated, line FROM indicator_value WHERE indicator_id = 'attracted_funds' "
                + "AND kind = 'plan' AND period = '2023' ORDER BY line");
        assertEquals(List.of(List.of("120亿元", 72), List.of("140亿元", 89)), both);
        System.out.println("indicator conflicts: " + stored);
    }

    static long rowsCount(String sql) {
        if (ds == null) {
            try {
                load();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }

    static List<List<Object>> rows(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    row.add(o instanceof java.sql.Array a ? a.getArray() : o);
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
