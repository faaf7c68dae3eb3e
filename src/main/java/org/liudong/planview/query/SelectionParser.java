package org.liudong.planview.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * Reads a {@link Selection} from query parameters: {@code bbox} (with {@code bbox-crs}),
 * {@code filter} (CQL2 text, with {@code filter-lang} and {@code filter-crs}), {@code datetime} and
 * {@code property=value} for any queryable. Every mistake is a 400 problem naming the parameter.
 */
public final class SelectionParser {
    /** The parameters that make a selection, besides {@code property=value}. */
    public static final Set<String> PARAMETERS = Set.of("bbox", "bbox-crs", "filter", "filter-lang", "filter-crs", "datetime");

    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");

    private SelectionParser() {
    }

    /**
     * The selection of {@code q}; parameters named in {@code notProperties} belong to the route and
     * are left alone, every other name outside {@link #PARAMETERS} is a {@code property=value}.
     */
    public static Selection parse(CollectionInfo c, QueryParameters q, Set<String> notProperties) {
        SupportedCrs bboxCrs = q.crs("bbox-crs").orElse(CrsRegistry.CRS84);
        String bboxText = q.single("bbox");
        if (bboxText == null && q.single("bbox-crs") != null) {
            throw Problem.badRequest("parameter bbox-crs: given without bbox");
        }
        Bbox bbox = bboxText == null ? null : Bbox.parse(bboxText, bboxCrs);

        List<PropertyFilter> filters = new ArrayList<>();
        for (String name : q.names()) {
            if (PARAMETERS.contains(name) || notProperties.contains(name)) continue;
            PropertyInfo p = c.queryable(name).orElseThrow();
            String value = q.single(name);
            checkValue(p, value);
            filters.add(new PropertyFilter(p, value));
        }

        String filter = q.single("filter");
        String lang = q.single("filter-lang");
        if (lang != null && !Cql2Condition.LANGUAGES.contains(lang)) {
            throw Problem.badRequest("parameter filter-lang: '" + Text.shorten(lang) + "' is not supported; use cql2-text");
        }
        SupportedCrs filterCrs = q.crs("filter-crs").orElse(CrsRegistry.CRS84);
        Cql2Condition condition = null;
        if (filter != null) {
            if (filter.isBlank()) throw Problem.badRequest("parameter filter: empty; give a CQL2 text expression or leave it out");
            SqlStatement sql = CollectionFilter.compile(c, filter, filterCrs);
            condition = new Cql2Condition(filter, filterCrs, sql);
        }
        // Checked everywhere; it selects in collections whose catalogue row names a temporal property.
        String datetime = q.single("datetime");
        TimeInterval time = datetime == null ? null : TimeInterval.parse(datetime);
        return new Selection(bbox, filters, condition, time);
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
            throw Problem.badRequest("parameter " + p.name() + ": '" + Text.shorten(value) + "' is not " + article(p.type()));
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
}
