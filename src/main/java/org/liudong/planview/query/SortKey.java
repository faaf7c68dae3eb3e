package org.liudong.planview.query;

import org.liudong.planview.catalog.PropertyInfo;

/** One term of {@code sortby}: a queryable and a direction. */
public record SortKey(PropertyInfo property, boolean ascending) {
    /** As it is written in a sortby parameter: {@code name} or {@code -name}. */
    public String text() {
        return (ascending ? "" : "-") + property.name();
    }
}
