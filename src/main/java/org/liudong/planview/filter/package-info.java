/**
 * OGC API – Features Part 3 filtering: CQL2 text (OGC 21-065r2) parsed by {@link
 * org.liudong.planview.filter.Cql2Parser} into an {@link org.liudong.planview.filter.Expression}
 * tree and compiled by {@link org.liudong.planview.filter.FilterCompiler} into a WHERE fragment
 * whose values are all bound parameters and whose identifiers all come from the catalogue's
 * {@link org.liudong.planview.filter.QueryableField}s. Every mistake in a filter is a
 * {@link org.liudong.planview.filter.FilterException} (400) naming the problem and the character
 * it is at; {@link org.liudong.planview.filter.FilterLimits} bounds what one filter may ask.
 */
package org.liudong.planview.filter;
