package org.liudong.planview.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * The query of {@code /collections/{id}/items}, parsed and checked against the collection: every
 * caller mistake becomes a 400 problem naming the parameter. Used by the items endpoint and by
 * the export, so that whatever a planner can query they can download.
 *
 * @param selection  which features
 * @param crs        the CRS of the geometry in the response
 * @param properties the properties to return; null = all
 * @param sortby     sort keys; empty = by id
 * @param paging     which page
 * @param query      the parameters as given, to build the next/prev/alternate links from
 */
public record ItemsRequest(
        Selection selection,
        SupportedCrs crs,
        List<String> properties,
        List<SortKey> sortby,
        Paging paging,
        Map<String, List<String>> query) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;

    /** Parameters with a meaning of their own; any other name must be a queryable. */
    public static final Set<String> STANDARD_PARAMETERS = union(SelectionParser.PARAMETERS,
            Set.of("f", "crs", "limit", "offset", "cursor", "properties", "sortby", "version"));

    public ItemsRequest {
        properties = properties == null ? null : List.copyOf(properties);
        sortby = List.copyOf(sortby);
        query = Map.copyOf(query);
    }

    /** Every feature, one page of one, in {@code crs}: how a single feature is written. */
    public static ItemsRequest everything(SupportedCrs crs) {
        return new ItemsRequest(Selection.ALL, crs, null, List.of(), new Paging(1, 0, null), Map.of());
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
        Set<String> known = union(STANDARD_PARAMETERS, extraParameters);
        QueryParameters q = QueryParameters.of(c, queryParams, known);
        Selection selection = SelectionParser.parse(c, q, known);
        SupportedCrs crs = q.crs("crs").orElse(CrsRegistry.CRS84);

        int limit = limit(q.single("limit"));
        long offset = nonNegative(q.single("offset"), "offset");
        String cursorText = q.single("cursor");
        Cursor cursor = null;
        if (cursorText != null) {
            if (q.single("offset") != null) {
                throw Problem.badRequest("parameters offset and cursor: give one or the other, not both");
            }
            cursor = Cursor.decode(cursorText);
        }
        List<String> properties = properties(c, q.single("properties"));
        List<SortKey> sortby = sortby(c, q.single("sortby"));
        if (cursor != null && !cursor.sortby().equals(sortbyText(sortby))) {
            throw Problem.badRequest("parameter cursor: it belongs to sortby '" + cursor.sortby()
                    + "', not '" + sortbyText(sortby) + "'; follow the next link, or drop the cursor");
        }
        q.single("f");
        return new ItemsRequest(selection, crs, properties, sortby, new Paging(limit, offset, cursor), queryParams);
    }

    public int limit() {
        return paging.limit();
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

    private static int limit(String text) {
        if (text == null) return DEFAULT_LIMIT;
        String t = text.trim();
        if (!t.matches("[-+]?\\d{1,12}")) {
            throw Problem.badRequest("parameter limit: '" + Text.shorten(text) + "' is not a whole number; give 1 to " + MAX_LIMIT);
        }
        long n = Long.parseLong(t);
        if (n < 1) throw Problem.badRequest("parameter limit: must be at least 1, was " + n);
        return (int) Math.min(n, MAX_LIMIT);  // above the maximum: serve the maximum, as Part 1 says
    }

    private static long nonNegative(String text, String parameter) {
        if (text == null) return 0;
        String t = text.trim();
        if (!t.matches("[-+]?\\d{1,15}")) {
            throw Problem.badRequest("parameter " + parameter + ": '" + Text.shorten(text) + "' is not a whole number");
        }
        long n = Long.parseLong(t);
        if (n < 0) throw Problem.badRequest("parameter " + parameter + ": must not be negative, was " + n);
        return n;
    }

    private static List<String> properties(CollectionInfo c, String text) {
        if (text == null) return null;
        List<String> names = new ArrayList<>();
        for (String raw : text.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) continue;
            if (c.property(name).isEmpty()) {
                throw Problem.badRequest("parameter properties: '" + Text.shorten(name) + "' is not a property of collection "
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
            PropertyInfo p = c.queryable(name).orElseThrow(() -> Problem.badRequest("parameter sortby: '" + Text.shorten(name)
                    + "' is not a sortable property of collection " + c.id() + "; sortable: " + QueryParameters.queryableNames(c)));
            if (keys.stream().anyMatch(k -> k.property().equals(p))) {
                throw Problem.badRequest("parameter sortby: '" + name + "' is named twice");
            }
            keys.add(new SortKey(p, ascending));
        }
        return keys;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
