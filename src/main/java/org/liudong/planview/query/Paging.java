package org.liudong.planview.query;

/**
 * Which page of the ordered features.
 *
 * @param limit  features per page, 1 … {@link ItemsRequest#MAX_LIMIT}
 * @param offset features skipped (ignored when {@code cursor} is set)
 * @param cursor where the previous page ended; null = start at {@code offset}
 */
public record Paging(int limit, long offset, Cursor cursor) {
    /** How many features came before this page. */
    public long position() {
        return cursor != null ? cursor.position() : offset;
    }
}
