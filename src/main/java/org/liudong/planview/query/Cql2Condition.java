package org.liudong.planview.query;

import java.util.List;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;

/**
 * A {@code filter} condition: the CQL2 text as given, the CRS of its geometry literals, and the
 * text compiled against the collection's queryables to a boolean SQL fragment with bound values.
 */
public record Cql2Condition(String text, SupportedCrs crs, SqlStatement sql) {
    /**
     * The values {@code filter-lang} accepts, the standard's name first. {@code cql-text} is what
     * the drafts called CQL2 text and what GDAL 3.6 looks for before it sends a filter to the server;
     * the text it sends ({@code (a = 'x') AND (b > 2)}) is CQL2 text.
     */
    public static final List<String> LANGUAGES = List.of("cql2-text", "cql-text");
}
