package org.liudong.planview.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * The query parameters of a request on a collection, read the way every route reads them: each
 * at most once, no NUL characters, and every name either one the route knows or a queryable of
 * the collection ({@code property=value}). Mistakes are 400 problems naming the parameter.
 */
public final class QueryParameters {
    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * The parameters of a request on {@code c}; {@code known} are the names with a meaning of their
     * own (the route's), any other name must be a queryable.
     */
    public static QueryParameters of(CollectionInfo c, Map<String, List<String>> raw, Set<String> known) {
        Map<String, List<String>> q = new LinkedHashMap<>(raw);
        q.forEach((name, list) -> {
            // PostgreSQL text cannot hold NUL; no parameter of this API can either.
            if (name.indexOf('\0') >= 0 || list.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw Problem.badRequest("parameter " + Text.shorten(name.replace('\0', '?')) + ": contains a NUL character");
            }
        });
        for (String name : q.keySet()) {
            if (known.contains(name)) continue;
            if (c.queryable(name).isEmpty()) {
                throw Problem.badRequest("unknown parameter '" + name + "': it is neither a standard parameter ("
                        + String.join(", ", new TreeSet<>(known)) + ") nor a queryable of collection " + c.id() + " ("
                        + queryableNames(c) + ")");
            }
        }
        return new QueryParameters(q);
    }

    /** The parameters as given, to build links from. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** The parameter's value, or null; a parameter given twice is a 400. */
    public String single(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) return null;
        if (list.size() > 1) throw Problem.badRequest("parameter " + name + ": given " + list.size() + " times; give it once");
        return list.get(0);
    }

    /** The CRS a parameter names, if it is given; an unknown one is a 400 listing the supported ones. */
    public Optional<SupportedCrs> crs(String name) {
        String text = single(name);
        if (text == null) return Optional.empty();
        return Optional.of(CrsRegistry.find(text).orElseThrow(() -> Problem.badRequest("parameter " + name + ": '"
                + Text.shorten(text) + "' is not a supported CRS; supported: "
                + CrsRegistry.all().stream().map(SupportedCrs::uri).collect(Collectors.joining(", ")))));
    }

    static String queryableNames(CollectionInfo c) {
        return c.queryables().stream().map(PropertyInfo::name).collect(Collectors.joining(", "));
    }
}
