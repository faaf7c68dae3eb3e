package org.liudong.planview.query;

import org.liudong.planview.catalog.PropertyInfo;

/** A {@code property=value} query parameter: equality on a queryable; the value is bound, cast by PostgreSQL. */
public record PropertyFilter(PropertyInfo property, String value) {
}
