package org.liudong.planview.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.config.AnalysisLimits;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;
import org.liudong.planview.query.QueryParameters;
import org.liudong.planview.query.Selection;
import org.liudong.planview.query.SelectionParser;

/**
 * {@code GET /collections/{id}/statistics}: the /items selection (bbox, filter, property=value)
 * plus {@code groupBy}, the aggregates {@code sum}, {@code avg}, {@code min}, {@code max} (numeric
 * queryables), and an optional {@code polygon} with its {@code mode}. Every name is checked
 * against the collection's queryables; every mistake is a 400 naming the parameter.
 *
 * @param aggregates function (sum, avg, min, max) → the properties it applies to
 * @param polygon    null = no polygon; areas are then those of whole features
 */
record StatisticsRequest(CollectionInfo collection, Selection selection, List<PropertyInfo> groupBy,
                         Map<String, List<PropertyInfo>> aggregates, AreaOfInterest polygon, PolygonMode mode, boolean csv) {

    static final List<String> FUNCTIONS = List.of("sum", "avg", "min", "max");
    static final int MAX_GROUP_BY = 4;
    static final Set<String> OWN = Stream.concat(FUNCTIONS.stream(), Stream.of("groupBy", "polygon", "polygon-crs", "mode", "f"))
            .collect(Collectors.toUnmodifiableSet());

    static StatisticsRequest parse(CollectionInfo c, Map<String, List<String>> raw, Catalog catalog, Caller caller, AnalysisLimits limits) {
        Set<String> known = new java.util.HashSet<>(SelectionParser.PARAMETERS);
        known.addAll(OWN);
        QueryParameters q = QueryParameters.of(c, raw, known);
        Selection selection = SelectionParser.parse(c, q, OWN);

        List<PropertyInfo> groupBy = properties(c, "groupBy", q.single("groupBy"), false);
        if (groupBy.size() > MAX_GROUP_BY) throw Problem.badRequest("parameter groupBy: at most " + MAX_GROUP_BY + " properties");
        Map<String, List<PropertyInfo>> aggregates = new LinkedHashMap<>();
        for (String f : FUNCTIONS) aggregates.put(f, properties(c, f, q.single(f), true));

        String polygonText = q.single("polygon");
        var crs = q.crs("polygon-crs").orElse(CrsRegistry.CRS84);
        if (polygonText == null && q.single("polygon-crs") != null) throw Problem.badRequest("parameter polygon-crs: given without polygon");
        AreaOfInterest polygon = polygonText == null ? null : AreaOfInterest.parse(polygonText, crs, catalog, caller, limits.maxVertices());
        PolygonMode mode = PolygonMode.parse(q.single("mode"), polygon != null);

        String f = q.single("f");
        if (f != null && !f.equals("json") && !f.equals("csv")) throw Problem.badRequest("parameter f: '" + Text.shorten(f) + "'; use json or csv");
        return new StatisticsRequest(c, selection, groupBy, aggregates, polygon, mode, "csv".equals(f));
    }

    /** Whether the collection's features have an area (polygons, or mixed geometry). */
    boolean hasArea() {
        String type = collection.geometryType().toUpperCase(Locale.ROOT);
        return type.contains("POLYGON") || type.equals("GEOMETRY") || type.equals("GEOMETRYCOLLECTION");
    }

    private static List<PropertyInfo> properties(CollectionInfo c, String parameter, String raw, boolean numeric) {
        List<PropertyInfo> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) return out;
        for (String part : raw.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) throw Problem.badRequest("parameter " + parameter + ": an empty name in '" + Text.shorten(raw) + "'");
            PropertyInfo p = c.queryable(name).orElseThrow(() -> Problem.badRequest("parameter " + parameter + ": '" + Text.shorten(name)
                    + "' is not a queryable of collection " + c.id() + " ("
                    + c.queryables().stream().map(PropertyInfo::name).collect(Collectors.joining(", ")) + ")"));
            if (numeric && p.type() != PropertyType.INTEGER && p.type() != PropertyType.NUMBER) {
                throw Problem.badRequest("parameter " + parameter + ": property '" + name + "' is not numeric (" + p.sqlType()
                        + "); " + parameter + " takes numeric properties only");
            }
            if (out.stream().noneMatch(x -> x.name().equals(name))) out.add(p);
        }
        return out;
    }
}
