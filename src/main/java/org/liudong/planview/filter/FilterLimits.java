package org.liudong.planview.filter;

/**
 * What one filter may ask of the server. A filter runs inside every items, tiles and export
 * query, so these keep one request from tying up the parser, the planner or PostGIS.
 */
public final class FilterLimits {
    /** Characters of filter text; a drawn polygon of a few thousand vertices fits. */
    public static final int MAX_TEXT_LENGTH = 100_000;
    /** Nesting of parentheses, NOT and functions; deeper recursion only risks the stack. */
    public static final int MAX_NESTING_DEPTH = 40;
    /** Values in one IN (…) list. */
    public static final int MAX_IN_LIST_SIZE = 1_000;
    /** Predicates (comparisons, LIKE, spatial tests …) in one filter. */
    public static final int MAX_PREDICATES = 500;
    /** Bound values in the compiled SQL (PostgreSQL takes at most 65,535 per statement). */
    public static final int MAX_VALUES = 10_000;
    /** Vertices over all geometry literals of one filter. */
    public static final int MAX_VERTICES = 10_000;
    /** Decimal digits on either side of the point in a number (PostgreSQL numeric has limits too). */
    public static final int MAX_NUMBER_DIGITS = 100;

    private FilterLimits() {
    }
}
