package org.liudong.planview.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;

/**
 * The query of {@code /collections/{id}/items}, parsed and checked against the collection: every
 * caller mistake becomes a 400 problem naming the parameter. Used by the items endpoint and by
 * the export, so that whatever a planner can query they can download.
 *
 * @param bbox          {minX, minY, maxX, maxY} in {@code bboxCrs}, already in x = east order; null = none
 * @param crs           the CRS of the geometry in the response
 * @param limit         features per page, 1 … {@link #MAX_LIMIT}
 * @param offset        features skipped (ignored when {@code cursor} is set)
 * @param cursor        where the previous page ended; null = start at {@code offset}
 * @param properties    the properties to return; null = all
 * @param sortby        sort keys; empty = by id
 * @param propertyFilters {@code property=value} equalities
 * @param filter        the CQL2 text, or null
 * @param filterSql     {@code filter} compiled to a boolean SQL fragment with bound values, or null
 * @param query         the parameters as given, to build the next/prev/alternate links from
 */
public record ItemsRequest(
        double[] bbox,
        SupportedCrs bboxCrs,
        SupportedCrs crs,
        int limit,
        long offset,
        Cursor cursor,
        List<String> properties,
        List<SortKey> sortby,
        List<PropertyFilter> propertyFilters,
        String filter,
        SupportedCrs filterCrs,
        SqlStatement filterSql,
        Map<String, List<String>> query) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;

    /** Parameters with a meaning of their own; any other name must be a queryable. */
    public static final Set<String> STANDARD_PARAMETERS = Set.of("f", "bbox", "bbox-crs", "crs", "limit", "offset",
            "cursor", "properties", "sortby", "filter", "filter-lang", "filter-crs", "datetime");

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");

    public ItemsRequest {
        bbox = bbox == null ? null : bbox.clone();
        properties = properties == null ? null : List.copyOf(properties);
        sortby = List.copyOf(sortby);
        propertyFilters = List.copyOf(propertyFilters);
        query = Map.copyOf(query);
    }

    @Override
    public double[] bbox() {
        return bbox == null ? null : bbox.clone();
    }

    /** Parses the query of an items request; accepts the standard parameters and the collection's queryables. */
    public static ItemsRequest parse(CollectionInfo c, Map<String, List<String>> queryParams) {
        return parse(c, queryParams, Set.of());
    }

    /**
     * As {@link #parse(CollectionInfo, Map)}, also accepting {@code extraParameters} (e.g. the
     * export's {@code format}) and leaving them for the caller.
     */
    public static ItemsRequest parse(CollectionInfo c, Map<String, List<String>> queryParams, Set<String> extraParameters) {
        Map<String, List<String>> q = new LinkedHashMap<>(queryParams);
        q.forEach((name, values) -> {
            // PostgreSQL text cannot hold NUL; no parameter of this API can either.
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw Problem.badRequest("parameter " + shorten(name.replace('\0', '?')) + ": contains a NUL character");
            }
        });
        for (String name : q.keySet()) {
            if (STANDARD_PARAMETERS.contains(name) || extraParameters.contains(name)) continue;
            if (c.queryable(name).isEmpty()) {
                throw Problem.badRequest("unknown parameter '" + name + "': it is neither a standard parameter ("
                        + String.join(", ", new java.util.TreeSet<>(STANDARD_PARAMETERS)) + ") nor a queryable of collection "
                        + c.id() + " (" + queryableNames(c) + ")");
            }
        }

        SupportedCrs crs = crs(single(q, "crs"), "crs").orElse(CrsRegistry.CRS84);
        SupportedCrs bboxCrs = crs(single(q, "bbox-crs"), "bbox-crs").orElse(CrsRegistry.CRS84);
        String bboxText = single(q, "bbox");
        if (bboxText == null && single(q, "bbox-crs") != null) {
            throw Problem.badRequest("parameter bbox-crs: given without bbox");
        }
        double[] bbox = bboxText == null ? null : bbox(bboxText, bboxCrs);

        int limit = limit(single(q, "limit"));
        long offset = nonNegative(single(q, "offset"), "offset");
        String cursorText = single(q, "cursor");
        Cursor cursor = null;
        if (cursorText != null) {
            if (single(q, "offset") != null) {
                throw Problem.badRequest("parameters offset and cursor: give one or the other, not both");
            }
            cursor = Cursor.decode(cursorText);
        }

        List<String> properties = properties(c, q);
        List<SortKey> sortby = sortby(c, single(q, "sortby"));
        if (cursor != null && !cursor.sortby().equals(sortbyText(sortby))) {
            throw Problem.badRequest("parameter cursor: it belongs to sortby '" + cursor.sortby()
                    + "', not '" + sortbyText(sortby) + "'; follow the next link, or drop the cursor");
        }

        List<PropertyFilter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            if (STANDARD_PARAMETERS.contains(e.getKey()) || extraParameters.contains(e.getKey())) continue;
            PropertyInfo p = c.queryable(e.getKey()).orElseThrow();
            String value = single(q, e.getKey());
            checkValue(p, value);
            filters.add(new PropertyFilter(p, value));
        }

        String filter = single(q, "filter");
        String lang = single(q, "filter-lang");
        if (lang != null && !lang.equals("cql2-text")) {
            throw Problem.badRequest("parameter filter-lang: '" + lang + "' is not supported; use cql2-text");
        }
        SupportedCrs filterCrs = crs(single(q, "filter-crs"), "filter-crs").orElse(CrsRegistry.CRS84);
        SqlStatement filterSql = null;
        if (filter != null) {
            if (filter.isBlank()) throw Problem.badRequest("parameter filter: empty; give a CQL2 text expression or leave it out");
            filterSql = ItemsFilter.compile(c, filter, filterCrs);
        }
        single(q, "f");
        single(q, "datetime");  // accepted; no collection has a temporal extent, so it selects everything
        return new ItemsRequest(bbox, bboxCrs, crs, limit, offset, cursor, properties, sortby, filters, filter, filterCrs,
                filterSql, queryParams);
    }

    /** The sortby as the cursor records it (normalised, so "+a" and "a" are the same sort). */
    public String sortbyText() {
        return sortbyText(sortby);
    }

    static String sortbyText(List<SortKey> keys) {
        return keys.stream().map(SortKey::text).collect(Collectors.joining(","));
    }

    /** The properties to write: the selection, or every property of the collection. */
    public List<PropertyInfo> selectedProperties(CollectionInfo c) {
        if (properties == null) return c.properties();
        return properties.stream().map(n -> c.property(n).orElseThrow()).toList();
    }

    private static String single(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        if (values == null || values.isEmpty()) return null;
        if (values.size() > 1) throw Problem.badRequest("parameter " + name + ": given " + values.size() + " times; give it once");
        return values.get(0);
    }

    private static Optional<SupportedCrs> crs(String text, String parameter) {
        if (text == null) return Optional.empty();
        return Optional.of(CrsRegistry.find(text).orElseThrow(() -> Problem.badRequest("parameter " + parameter + ": '"
                + shorten(text) + "' is not a supported CRS; supported: "
                + CrsRegistry.all().stream().map(SupportedCrs::uri).collect(Collectors.joining(", ")))));
    }

    private static double[] bbox(String text, SupportedCrs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw Problem.badRequest("parameter bbox: expected 4 numbers (or 6 with heights) separated by commas, got "
                    + parts.length + " value(s) in '" + shorten(text) + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (!NUMBER.matcher(p).matches()) {
                throw Problem.badRequest("parameter bbox: value " + (i + 1) + " ('" + shorten(p) + "') is not a number");
            }
            v[i] = Double.parseDouble(p);
            if (!Double.isFinite(v[i])) throw Problem.badRequest("parameter bbox: value " + (i + 1) + " is not finite");
        }
        int d = parts.length / 2;  // the upper corner starts here; heights (index 2 and 5) are ignored
        double a1 = v[0], a2 = v[1], b1 = v[d], b2 = v[d + 1];
        if (a1 > b1 || a2 > b2) {
            throw Problem.badRequest("parameter bbox: the lower corner (" + a1 + "," + a2 + ") is not below and left of the upper corner ("
                    + b1 + "," + b2 + "); the order is minimum axis 1, minimum axis 2, maximum axis 1, maximum axis 2");
        }
        // The CRS's own axis order on the wire; PostGIS wants x = east.
        double minX = crs.northFirst() ? a2 : a1, minY = crs.northFirst() ? a1 : a2;
        double maxX = crs.northFirst() ? b2 : b1, maxY = crs.northFirst() ? b1 : b2;
        if (!crs.projected() && (minX < -180 || maxX > 180 || minY < -90 || maxY > 90)) {
            throw Problem.badRequest("parameter bbox: outside the range of " + crs.uri() + " (longitude −180…180, latitude −90…90"
                    + (crs.northFirst() ? ", latitude first" : ", longitude first") + ")");
        }
        return new double[] {minX, minY, maxX, maxY};
    }

    private static int limit(String text) {
        if (text == null) return DEFAULT_LIMIT;
        String t = text.trim();
        if (!t.matches("[-+]?\\d{1,12}")) {
            throw Problem.badRequest("parameter limit: '" + shorten(text) + "' is not a whole number; give 1 to " + MAX_LIMIT);
        }
        long n = Long.parseLong(t);
        if (n < 1) throw Problem.badRequest("parameter limit: must be at least 1, was " + n);
        return (int) Math.min(n, MAX_LIMIT);  // above the maximum: serve the maximum, as Part 1 says
    }

    private static long nonNegative(String text, String parameter) {
        if (text == null) return 0;
        String t = text.trim();
        if (!t.matches("[-+]?\\d{1,15}")) {
            throw Problem.badRequest("parameter " + parameter + ": '" + shorten(text) + "' is not a whole number");
        }
        long n = Long.parseLong(t);
        if (n < 0) throw Problem.badRequest("parameter " + parameter + ": must not be negative, was " + n);
        return n;
    }

    private static List<String> properties(CollectionInfo c, Map<String, List<String>> q) {
        String text = single(q, "properties");
        if (text == null) return null;
        List<String> names = new ArrayList<>();
        for (String raw : text.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) continue;
            if (c.property(name).isEmpty()) {
                throw Problem.badRequest("parameter properties: '" + shorten(name) + "' is not a property of collection "
                        + c.id() + "; properties: " + c.properties().stream().map(PropertyInfo::name).collect(Collectors.joining(", ")));
            }
            if (!names.contains(name)) names.add(name);
        }
        return names;
    }

    private static List<SortKey> sortby(CollectionInfo c, String text) {
        if (text == null || text.isBlank()) return List.of();
        List<SortKey> keys = new ArrayList<>();
        for (String raw : text.split(",")) {
            // A '+' in a URL query arrives as a space when the client did not encode it.
            String term = raw.strip();
            boolean ascending = true;
            if (raw.startsWith(" ") || term.startsWith("+")) term = term.replaceFirst("^\\+", "");
            else if (term.startsWith("-")) {
                ascending = false;
                term = term.substring(1);
            }
            String name = term.strip();
            PropertyInfo p = c.queryable(name).orElseThrow(() -> Problem.badRequest("parameter sortby: '" + shorten(name)
                    + "' is not a sortable property of collection " + c.id() + "; sortable: " + queryableNames(c)));
            if (keys.stream().anyMatch(k -> k.property().equals(p))) {
                throw Problem.badRequest("parameter sortby: '" + name + "' is named twice");
            }
            keys.add(new SortKey(p, ascending));
        }
        return keys;
    }

    private static void checkValue(PropertyInfo p, String value) {
        String v = value.trim();
        boolean ok = switch (p.type()) {
            case INTEGER -> INTEGER.matcher(v).matches();
            case NUMBER -> NUMBER.matcher(v).matches();
            case BOOLEAN -> v.equals("true") || v.equals("false");
            case DATE -> DATE.matcher(v).matches();
            case TIMESTAMP -> TIMESTAMP.matcher(v).matches();
            default -> true;
        };
        if (!ok) {
            throw Problem.badRequest("parameter " + p.name() + ": '" + shorten(value) + "' is not " + article(p.type()));
        }
    }

    private static String article(PropertyType t) {
        return switch (t) {
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (YYYY-MM-DD)";
            case TIMESTAMP -> "a timestamp (RFC 3339, e.g. 2024-05-01T08:00:00Z)";
            default -> "a value";
        };
    }

    static String queryableNames(CollectionInfo c) {
        return c.queryables().stream().map(PropertyInfo::name).collect(Collectors.joining(", "));
    }

    /** Echoing a caller's value in a message: cut short, so a huge parameter does not become a huge answer. */
    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
