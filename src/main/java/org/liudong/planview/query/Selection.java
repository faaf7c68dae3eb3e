package org.liudong.planview.query;

import java.util.List;

/**
 * Which features of a collection a request is about — bbox, {@code property=value} equalities, a
 * CQL2 filter and a time ({@code datetime}), all to hold at once. The items, export, totals and statistics of a collection
 * share it, so that whatever a planner can select they can list, count, add up and download.
 *
 * @param bbox            null = anywhere
 * @param propertyFilters {@code property=value} equalities
 * @param filter          null = no CQL2 filter
 * @param datetime        null = any time; selects only in a collection with a temporal property
 */
public record Selection(Bbox bbox, List<PropertyFilter> propertyFilters, Cql2Condition filter, TimeInterval datetime) {
    /** Every feature of the collection. */
    public static final Selection ALL = new Selection(null, List.of(), null, null);

    public Selection {
        propertyFilters = List.copyOf(propertyFilters);
    }
}
