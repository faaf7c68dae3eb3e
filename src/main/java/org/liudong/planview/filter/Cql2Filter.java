package org.liudong.planview.filter;

import java.util.List;
import java.util.stream.Collectors;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Text;

/**
 * The three filter parameters of OGC API – Features Part 3 ({@code filter}, {@code filter-lang},
 * {@code filter-crs}) checked and turned into a WHERE fragment in one call, for the items,
 * tiles and export endpoints alike.
 */
public final class Cql2Filter {
    public static final String CQL2_TEXT = "cql2-text";

    private Cql2Filter() {
    }

    /**
     * @param filter     the {@code filter} parameter (CQL2 text)
     * @param filterLang the {@code filter-lang} parameter, or null (cql2-text is the default)
     * @param filterCrs  the {@code filter-crs} parameter, or null (CRS84 is the default)
     */
    public static SqlStatement toSql(String filter, String filterLang, String filterCrs, List<QueryableField> queryables) {
        if (filterLang != null && !filterLang.equals(CQL2_TEXT)) {
            throw new FilterException("filter-lang '" + Text.shorten(filterLang) + "' is not supported; this server reads " + CQL2_TEXT);
        }
        SupportedCrs crs = crs(filterCrs);
        return new FilterCompiler(queryables, crs).compile(Cql2Parser.parse(filter));
    }

    /** The {@code filter-crs} parameter as a supported CRS; CRS84 when absent. */
    public static SupportedCrs crs(String filterCrs) {
        if (filterCrs == null || filterCrs.isBlank()) return CrsRegistry.CRS84;
        return CrsRegistry.find(filterCrs).orElseThrow(() -> new FilterException(
                "filter-crs '" + Text.shorten(filterCrs) + "' is not supported; use one of "
                        + CrsRegistry.all().stream().map(SupportedCrs::uri).collect(Collectors.joining(", "))));
    }
}
