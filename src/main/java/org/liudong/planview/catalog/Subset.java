package org.liudong.planview.catalog;

/** A collection that is part of a table: the rows where {@code column} (as text) equals {@code value}. */
public record Subset(String column, String value) {
}
