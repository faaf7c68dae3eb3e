package org.liudong.planview.query;

import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;

/**
 * A {@code filter} condition: the CQL2 text as given, the CRS of its geometry literals, and the
 * text compiled against the collection's queryables to a boolean SQL fragment with bound values.
 */
public record Cql2Condition(String text, SupportedCrs crs, SqlStatement sql) {
}
