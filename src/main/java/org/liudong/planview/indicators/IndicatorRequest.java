package org.liudong.planview.indicators;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.liudong.planview.http.Problem;

/** The validated parameters of GET /indicators and /indicators/{id}: which indicators, in which format. */
record IndicatorRequest(String theme, String scope, boolean warningsOnly, Format format) {
    enum Format { JSON, CSV }

    static final Set<String> THEMES = Set.of("population", "economy", "land", "green", "infrastructure", "investment",
            "projects", "innovation", "society");
    static final Set<String> SCOPES = Set.of("liudong", "city");
    private static final Set<String> LIST_PARAMETERS = new TreeSet<>(Set.of("f", "theme", "scope", "warning"));
    private static final Set<String> ONE_PARAMETERS = new TreeSet<>(Set.of("f"));

    /** Parameters of the list: f, theme, scope, warning. */
    static IndicatorRequest ofList(Map<String, List<String>> query) {
        only(query, LIST_PARAMETERS);
        return new IndicatorRequest(oneOf(query, "theme", THEMES), oneOf(query, "scope", SCOPES),
                "true".equals(oneOf(query, "warning", Set.of("true", "false"))), format(query));
    }

    /** Parameters of one indicator: f only. */
    static IndicatorRequest ofOne(Map<String, List<String>> query) {
        only(query, ONE_PARAMETERS);
        return new IndicatorRequest(null, null, false, format(query));
    }

    static String indicatorId(String id) {
        if (id == null || !id.matches("[a-z0-9_]{1,64}")) {
            throw Problem.badRequest("indicator id must be lower-case letters, digits and _ (at most 64), as listed by /indicators");
        }
        return id;
    }

    private static Format format(Map<String, List<String>> query) {
        String f = oneOf(query, "f", Set.of("json", "csv"));
        return "csv".equals(f) ? Format.CSV : Format.JSON;
    }

    private static void only(Map<String, List<String>> query, Set<String> allowed) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw Problem.badRequest("unknown parameter '" + shorten(e.getKey()) + "'; this resource takes "
                        + String.join(", ", allowed));
            }
            if (e.getValue().size() > 1) throw Problem.badRequest("parameter " + e.getKey() + ": given more than once");
        }
    }

    private static String oneOf(Map<String, List<String>> query, String name, Set<String> allowed) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty()) return null;
        String value = v.get(0);
        if (!allowed.contains(value)) {
            throw Problem.badRequest("parameter " + name + ": '" + shorten(value) + "' is not one of "
                    + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
