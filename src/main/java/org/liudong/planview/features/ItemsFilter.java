package org.liudong.planview.features;

import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;

/** The {@code filter} parameter: CQL2 text → SQL fragment with bound values, checked against the queryables. */
final class ItemsFilter {
    private ItemsFilter() {
    }

    static SqlStatement compile(CollectionInfo c, String cql2Text, SupportedCrs filterCrs) {
        throw new Problem(400, "Bad Request", "parameter filter: CQL2 filtering is not available in this build yet");
    }
}
